/** A plain accent-blue square: the notification icon when no canvas is at hand. */
const FALLBACK =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAIAAACQkWg2AAAAFklEQVR42mOQ9btBEmIY1TCqYfhqAAD880MQ0FIJmgAAAABJRU5ErkJggg==';

let cached: Promise<string> | null = null;

/**
 * The digest's icon (Chrome requires one; the extension ships no image files): a blue disc
 * with a white "D", drawn once on an OffscreenCanvas, which a service worker has.
 */
export function digestIcon(): Promise<string> {
  cached ??= draw().catch(() => FALLBACK);
  return cached;
}

async function draw(): Promise<string> {
  const size = 96;
  const canvas = new OffscreenCanvas(size, size);
  const g = canvas.getContext('2d');
  if (!g) return FALLBACK;
  g.fillStyle = '#1d4ed8';
  g.beginPath();
  g.arc(size / 2, size / 2, size / 2, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#ffffff';
  g.font = `bold ${size * 0.6}px sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText('D', size / 2, size / 2 + 3);
  const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return `data:image/png;base64,${btoa(bin)}`;
}
