// A loopback SMTP server in its own process for the outbox benchmark: accepts everything, counts messages and distinct Message-IDs.
import { SMTPServer } from 'smtp-server';

const ids = new Set<string>();
let messages = 0;
let bytes = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 50 * 1024 * 1024,
  onData(stream, _session, callback) {
    let head = '';
    stream.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (head.length < 4096) head += chunk.toString('latin1');
    });
    stream.on('end', () => {
      messages++;
      const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1];
      if (id) ids.add(id);
      callback();
    });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.server.address() as { port: number }).port}\n`);
});
process.on('message', () => process.send?.({ messages, distinct: ids.size, bytes }));
