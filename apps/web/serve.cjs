// Serves the built dashboard on its own port and forwards /api to the API (docker-compose `web`).
// The API serves the same files at / itself; this is for setups with a separate web front.
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, 'dist');
const port = Number(process.argv[2] || 8080);
const api = new URL(process.argv[3] || 'http://api:3000');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json' };

http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://web');
    if (url.pathname.startsWith('/api/')) {
      // A proxy's duty: append the client's address, so an api with API_TRUST_PROXY covering this
      // server counts each client apart (the api ignores the header unless it trusts this server).
      const forwardedFor = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
      const headers = { ...req.headers, 'x-forwarded-for': forwardedFor };
      const upstream = http.request({ host: api.hostname, port: api.port, path: req.url, method: req.method, headers }, (r) => {
        res.writeHead(r.statusCode || 502, r.headers);
        r.pipe(res);
      });
      upstream.on('error', () => res.writeHead(502).end());
      return void req.pipe(upstream);
    }
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  })
  .listen(port, () => console.log(`web on :${port}, api at ${api.origin}`));
