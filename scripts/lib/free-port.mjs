// A port for a server the tests start themselves (nginx, Caddy, a WebDriver).
import { createServer } from 'node:net';

/** A port nothing listens on now, on 127.0.0.1 (the kernel's choice). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
