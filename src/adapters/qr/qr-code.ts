/**
 * QR codes (error correction M, as QR Platba asks for print) for the order PDF and the thank-you page, from `qr`:
 * it encodes a payment code in ~0.1 ms where `qrcode` took ~0.5 ms, which counted in every order email's PDF.
 */
import encodeQR from 'qr';

/** The code's modules without a quiet zone: the page around it is one. `dark(row, col)`. */
export type QrMatrix = { size: number; dark(row: number, col: number): boolean };

export function qrMatrix(text: string): QrMatrix {
  // One module of border is the least the library draws; it is cut off here.
  const modules = encodeQR(text, 'raw', { ecc: 'medium', border: 1 });
  return { size: modules.length - 2, dark: (row, col) => modules[row + 1]![col + 1]! };
}

/** Each row's runs of dark modules as rectangles: `rect(x, y, width)` in module units (height 1). */
export function qrRuns(qr: QrMatrix, rect: (x: number, y: number, width: number) => void): void {
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (!qr.dark(row, col)) continue;
      const start = col;
      while (col + 1 < qr.size && qr.dark(row, col + 1)) col++;
      rect(start, row, col - start + 1);
    }
  }
}

/** An SVG of the code on a white square with a quiet zone of `margin` modules, readable on a dark page too. */
export function qrSvg(text: string, margin: number): string {
  const qr = qrMatrix(text);
  const side = qr.size + 2 * margin;
  let path = '';
  qrRuns(qr, (x, y, width) => (path += `M${x + margin} ${y + margin}h${width}v1h-${width}z`));
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path fill="#000" d="${path}"/></svg>`;
}
