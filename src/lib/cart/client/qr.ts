/**
 * A QR code made on the device (qrcode-generator), as one SVG path of its dark modules: drawn
 * with presentation attributes only, as the app's CSP requires. Error correction M: a till's
 * scanner reads it off a bright kiosk screen.
 */
import qrcode from 'qrcode-generator';

/** The quiet zone around the code, in modules (the standard's four). */
const QUIET = 4;

export function qrSvg(text: string): { size: number; path: string } {
  // Bytes as UTF-8: SKUs and ids may be any text (the library's default keeps 8 bits a char).
  qrcode.stringToBytes = (s) => [...new TextEncoder().encode(s)];
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) path += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
    }
  }
  return { size: count + 2 * QUIET, path };
}
