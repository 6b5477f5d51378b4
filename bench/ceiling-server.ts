// The ceiling: the least a Node.js server can do with a lead (read the body, parse the JSON,
// answer 201). leadgate's rate is reported as a share of this one's, measured in the same run.
import http from 'node:http';

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    try {
      const lead = JSON.parse(Buffer.concat(chunks).toString()) as { phone_number?: string };
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'Contact created.', phone: lead.phone_number ?? null }));
    } catch {
      res.writeHead(400).end();
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
