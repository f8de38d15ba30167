// The images' HEALTHCHECK (slim images have no curl): GET http://127.0.0.1:$<port variable><path>
// and exit 0 on a 2xx answer within 3 s, 1 otherwise. The port comes from the environment the
// process itself reads, so an overridden PORT is still the one probed.
//
//   node deploy/healthcheck.mjs PORT /readyz
//   node deploy/healthcheck.mjs WORKER_METRICS_PORT /healthz
const [portVariable, path] = process.argv.slice(2);
const port = process.env[portVariable ?? ''];
if (!port || !path?.startsWith('/')) {
  console.error(`usage: healthcheck.mjs <PORT_VARIABLE> </path> (${portVariable ?? 'no variable'} is ${port ? port : 'unset'})`);
  process.exit(1);
}
try {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(3000) });
  process.exit(res.ok ? 0 : 1);
} catch (err) {
  console.error(`${path} on port ${port}: ${err.message}`);
  process.exit(1);
}
