// Order PDFs per second on one core (the renderer is synchronous JS): a 5-item order (target ≥ 100/s) and a 200-item order.
import { renderOrderPdf } from '../src/adapters/pdf/order-pdf.js';
import { fixtureDocument } from '../test/fixtures/order-document.js';

async function measure(label: string, items: number, seconds: number, target: number | null) {
  const docs = Array.from({ length: 50 }, (_, i) => fixtureDocument({ items, number: String(2026000001 + i) }));
  for (let i = 0; i < 20; i++) await renderOrderPdf(docs[i % docs.length]!); // warm up (fonts, JIT)
  const cpu = process.cpuUsage();
  const started = performance.now();
  let count = 0;
  let bytes = 0;
  while (performance.now() - started < seconds * 1000) {
    bytes += (await renderOrderPdf(docs[count % docs.length]!)).length;
    count++;
  }
  const wall = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const perSecond = count / wall;
  const verdict = target === null ? '' : perSecond >= target ? `  (target ≥ ${target}/s: met)` : `  (target ≥ ${target}/s: NOT met)`;
  console.log(
    `${label}: ${perSecond.toFixed(1)} PDFs/s, ${((wall * 1000) / count).toFixed(2)} ms each, ${Math.round(bytes / count / 1024)} kB each, ` +
      `CPU ${(((used.user + used.system) / 1e6 / wall) * 100).toFixed(0)} % of one core${verdict}`,
  );
}

await measure('5-item order  ', 5, 6, 100);
await measure('200-item order', 200, 6, null);
console.log(`RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`);
