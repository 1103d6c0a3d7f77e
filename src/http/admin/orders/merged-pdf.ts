/** Several order PDFs (each from the one renderer in adapters/pdf) copied page by page into one printable file. */

export async function mergePdfs(files: Buffer[], title: string): Promise<Buffer> {
  if (files.length === 1) return files[0]!;
  // pdf-lib is loaded for the first merge only: it costs ~200 ms of start-up and memory that most servers never use.
  const { PDFDocument } = await import('pdf-lib');
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
