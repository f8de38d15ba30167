// The shared component-test setup (Mantine's browser API stubs for jsdom).
import '@marketdesk/ui/test-setup';
