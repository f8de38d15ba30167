// What the apps' production servers use (apps/*/server/prod-server.ts): one implementation of
// static serving, compression, caching, the API forwarding and the security headers.
export { createAppServer, startAppServer, requestPath, pageCache, healthPath, type AppServer, type AppServerOptions, type AppPages, type RenderedPage } from './app-server';
export { readAppServerEnv, readEnvOrExit, readHttpUrl, readBoolean, readPort, AppServerEnvError, type AppServerEnv } from './env';
export { appSecurityHeaders, appContentSecurityPolicy, pageContentSecurityPolicy } from './security-headers';
export { immutableCache, revalidateCache } from './static-files';
