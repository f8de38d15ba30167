// The one Mantine theme both apps use: colour, radius and type tokens live here, not in components.
import { createTheme, type MantineColorsTuple } from '@mantine/core';

// A teal-leaning "market" green, generated as a 10-step tuple so light and dark schemes both have contrast.
const market: MantineColorsTuple = [
  '#e6fcf5',
  '#d3f4ea',
  '#a8e6d3',
  '#7ad8bb',
  '#54cca7',
  '#3cc49a',
  '#2dc093',
  '#1ea97f',
  '#0d9670',
  '#008260',
];

export const theme = createTheme({
  primaryColor: 'market',
  primaryShade: { light: 8, dark: 6 },
  colors: { market },
  defaultRadius: 'md',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
});
