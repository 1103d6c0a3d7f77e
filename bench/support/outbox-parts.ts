// CPU time per email of each part of the outbox worker, measured apart: rendering the PDF, and sending the email with it
// through the pooled SMTP transport to the loopback sink (the database part is what remains of the outbox bench's figure).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { renderOrderPdf } from '../../src/adapters/pdf/order-pdf.js';
import { smtpMailer } from '../../src/adapters/mail/smtp-mailer.js';
import { fixtureDocument } from '../../test/fixtures/order-document.js';

const N = Number(process.env.BENCH_EMAILS ?? 300);
const docs = Array.from({ length: N }, (_, i) => fixtureDocument({ number: String(2026000001 + i) }));
for (let i = 0; i < 30; i++) await renderOrderPdf(docs[i]!);

const cpuMs = async (label: string, work: () => Promise<unknown>) => {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await work();
  const used = process.cpuUsage(cpu);
  console.log(`${label}: CPU ${((used.user + used.system) / 1000 / N).toFixed(2)} ms each, wall ${((performance.now() - t) / N).toFixed(2)} ms each`);
};

const pdfs: Buffer[] = [];
await cpuMs('render PDF', async () => {
  for (const doc of docs) pdfs.push(await renderOrderPdf(doc));
});

const child = fork(new URL('./smtp-sink.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const [line] = (await once(child.stdout!, 'data')) as [Buffer];
const mailer = smtpMailer(`smtp://127.0.0.1:${line.toString().trim()}`);
const email = (i: number) => ({
  messageId: `<${i}.bench@obchod.example.cz>`,
  from: '"Čajovna U Dvou Koček" <obchod@example.cz>',
  to: '"Jana Nováková" <jana@example.cz>',
  subject: `Objednávka ${2026000001 + i} byla přijata`,
  text: 'Dobrý den,\nděkujeme za objednávku.',
  html: '<p>Dobrý den,</p><p>děkujeme za objednávku.</p>',
  attachments: [{ filename: `objednavka-${i}.pdf`, contentType: 'application/pdf', content: pdfs[i]! }],
});
await mailer.send(email(0));
await cpuMs('send email', async () => {
  let next = 0;
  await Promise.all(Array.from({ length: 20 }, async () => {
    while (next < N) await mailer.send(email(next++));
  }));
});
mailer.close();
child.kill();
