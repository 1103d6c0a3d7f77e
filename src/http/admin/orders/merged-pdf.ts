/** Several order PDFs (each from the one renderer in adapters/pdf) copied page by page into one printable file. */
import { PDFDocument } from 'pdf-lib';

export async function mergePdfs(files: Buffer[], title: string): Promise<Buffer> {
  if (files.length === 1) return files[0]!;
  const merged = await PDFDocument.create();
  for (const file of files) {
    const source = await PDFDocument.load(file);
    for (const page of await merged.copyPages(source, source.getPageIndices())) merged.addPage(page);
  }
  merged.setTitle(title);
  merged.setCreator('Kramek');
  merged.setProducer('Kramek');
  return Buffer.from(await merged.save());
}
