/**
 * Thumbnails of the page-builder blocks for the Studio's insert menu (grid
 * view): one 600×400 PNG per block type, a wireframe of the block with its
 * French name, written to studio/static/blocks/<type>.png (`sanity build`
 * copies studio/static to /static).
 *
 *   node scripts/studio/generate-block-thumbnails.ts [outDir]
 *
 * Deterministic: the same SVG always gives the same bytes (no date, no
 * metadata), so regenerating does not churn git. Run it again after adding or
 * renaming a block; tests/unit/block-thumbnails.test.ts fails until then.
 * Plain Node (type stripping) and sharp: the Studio's schema is not imported
 * here (it needs a bundler), the test checks this table against it instead.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import sharp from 'sharp'

export const THUMBNAIL_WIDTH = 600
export const THUMBNAIL_HEIGHT = 400

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const THUMBNAILS_DIR = join(ROOT, 'studio/static/blocks')

/** Wireframe palette: greys for structure, one accent for what the editor acts on. */
const INK = '#1f2937'
const LINE = '#cbd5e1'
const FILL = '#e2e8f0'
const ACCENT = '#2563eb'
const PAPER = '#ffffff'
const BACKGROUND = '#f1f5f9'

/** Drawing area above the name band: x 40–560, y 32–296. */
const AREA = { left: 40, top: 32, right: 560, bottom: 296 } as const
const WIDTH = AREA.right - AREA.left

const rect = (x: number, y: number, width: number, height: number, fill: string, radius = 6) =>
  `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${radius}" fill="${fill}"/>`
const outline = (x: number, y: number, width: number, height: number, radius = 8) =>
  `<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="${radius}" fill="${PAPER}" stroke="${LINE}" stroke-width="2"/>`
const circle = (cx: number, cy: number, r: number, fill: string) => `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}"/>`
/** A line of text drawn as a bar: thumbnails show layout, not words. */
const textLine = (x: number, y: number, width: number, fill = LINE, height = 10) => rect(x, y, width, height, fill, height / 2)
const button = (x: number, y: number, width: number, fill = ACCENT) => rect(x, y, width, 30, fill, 15)
/** Image placeholder: a frame with a mountain and a sun. */
function picture(x: number, y: number, width: number, height: number): string {
  const ground = y + height
  return [
    rect(x, y, width, height, FILL, 6),
    `<path d="M${x} ${ground} L${x + width * 0.35} ${y + height * 0.45} L${x + width * 0.6} ${y + height * 0.75} L${x + width * 0.75} ${y + height * 0.6} L${x + width} ${ground} Z" fill="${LINE}"/>`,
    circle(x + width * 0.78, y + height * 0.28, Math.min(width, height) * 0.1, PAPER),
  ].join('')
}
const columns = (count: number, gap: number) => {
  const width = (WIDTH - gap * (count - 1)) / count
  return Array.from({ length: count }, (_, index) => ({ x: AREA.left + index * (width + gap), width }))
}

interface BlockThumbnail {
  /** The block's `title` in the Studio schema (checked by the unit test). */
  title: string
  draw: () => string
}

/** One entry per page-builder block `_type`, in the registry's order. */
export const BLOCK_THUMBNAILS: Readonly<Record<string, BlockThumbnail>> = {
  hero: {
    title: 'Bandeau d’en-tête',
    draw: () => [
      picture(AREA.left, AREA.top, WIDTH, 264),
      rect(AREA.left + 36, AREA.top + 70, 300, 130, 'rgba(15,23,42,0.55)', 8),
      textLine(AREA.left + 56, AREA.top + 92, 240, PAPER, 18),
      textLine(AREA.left + 56, AREA.top + 124, 200, '#e2e8f0'),
      button(AREA.left + 56, AREA.top + 152, 110),
      button(AREA.left + 176, AREA.top + 152, 90, 'rgba(255,255,255,0.85)'),
    ].join(''),
  },
  richText: {
    title: 'Texte',
    draw: () => [
      textLine(AREA.left + 60, AREA.top + 10, 260, INK, 18),
      ...[0, 1, 2, 3].map(line => textLine(AREA.left + 60, AREA.top + 50 + line * 22, line === 3 ? 240 : 400)),
      textLine(AREA.left + 60, AREA.top + 150, 180, INK, 14),
      ...[0, 1, 2].map(line => textLine(AREA.left + 60, AREA.top + 184 + line * 22, line === 2 ? 300 : 400)),
    ].join(''),
  },
  callToAction: {
    title: 'Appel à l’action',
    draw: () => [
      rect(AREA.left, AREA.top + 40, WIDTH, 184, ACCENT, 12),
      textLine(AREA.left + 110, AREA.top + 84, 300, PAPER, 20),
      textLine(AREA.left + 150, AREA.top + 124, 220, '#bfdbfe'),
      button(AREA.left + 195, AREA.top + 160, 130, PAPER),
    ].join(''),
  },
  formationList: {
    title: 'Liste de formations',
    draw: () => columns(3, 20).map(({ x, width }) => [
      outline(x, AREA.top + 20, width, 224),
      picture(x + 10, AREA.top + 30, width - 20, 90),
      textLine(x + 14, AREA.top + 136, width - 50, INK, 14),
      textLine(x + 14, AREA.top + 162, width - 40),
      rect(x + 14, AREA.top + 186, 70, 20, '#dbeafe', 10),
      button(x + 14, AREA.top + 208, width - 28),
    ].join('')).join(''),
  },
  membershipTiers: {
    title: 'Formules d’adhésion',
    draw: () => columns(3, 20).map(({ x, width }, index) => [
      index === 1 ? rect(x - 4, AREA.top + 6, width + 8, 252, ACCENT, 12) : '',
      outline(x, AREA.top + (index === 1 ? 10 : 24), width, index === 1 ? 244 : 220),
      textLine(x + 20, AREA.top + 44, width - 60, INK, 14),
      textLine(x + 20, AREA.top + 76, 70, INK, 26),
      ...[0, 1, 2].map(line => textLine(x + 20, AREA.top + 124 + line * 20, width - 50)),
      button(x + 20, AREA.top + 196, width - 40, index === 1 ? ACCENT : '#94a3b8'),
    ].join('')).join(''),
  },
  helloAssoEmbed: {
    title: 'Formulaire HelloAsso',
    draw: () => [
      textLine(AREA.left + 100, AREA.top + 6, 220, INK, 16),
      outline(AREA.left + 100, AREA.top + 36, 320, 228),
      rect(AREA.left + 100, AREA.top + 36, 320, 34, '#ede9fe', 8),
      circle(AREA.left + 122, AREA.top + 53, 8, '#7c3aed'),
      ...[0, 1, 2].map(line => rect(AREA.left + 124, AREA.top + 90 + line * 44, 272, 30, FILL, 6)),
      button(AREA.left + 210, AREA.top + 224, 100, '#7c3aed'),
    ].join(''),
  },
  faq: {
    title: 'Questions fréquentes',
    draw: () => [
      textLine(AREA.left + 60, AREA.top + 6, 240, INK, 18),
      ...[0, 1, 2, 3].map((row) => {
        const y = AREA.top + 44 + row * 54
        const open = row === 0
        return [
          outline(AREA.left + 60, y, 400, open ? 46 : 42),
          textLine(AREA.left + 80, y + 16, open ? 260 : 220, INK, 10),
          `<path d="M${AREA.left + 430} ${y + 16} l8 8 l8 -8" fill="none" stroke="${open ? ACCENT : '#94a3b8'}" stroke-width="3"/>`,
        ].join('')
      }),
    ].join(''),
  },
  imageGallery: {
    title: 'Galerie d’images',
    draw: () => [
      ...columns(3, 14).map(({ x, width }) => picture(x, AREA.top + 10, width, 120)),
      ...columns(3, 14).map(({ x, width }) => picture(x, AREA.top + 144, width, 120)),
    ].join(''),
  },
  keyFigures: {
    title: 'Chiffres clés',
    draw: () => columns(3, 24).map(({ x, width }, index) => [
      outline(x, AREA.top + 50, width, 164),
      `<text x="${x + width / 2}" y="${AREA.top + 126}" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-weight="bold" font-size="44" fill="${ACCENT}">${['250', '12', '98 %'][index]}</text>`,
      textLine(x + 24, AREA.top + 150, width - 48, LINE),
      textLine(x + 40, AREA.top + 172, width - 80, LINE),
    ].join('')).join(''),
  },
  testimonials: {
    title: 'Témoignages',
    draw: () => columns(2, 24).map(({ x, width }) => [
      outline(x, AREA.top + 30, width, 220),
      `<text x="${x + 20}" y="${AREA.top + 94}" font-family="DejaVu Serif, serif" font-size="72" fill="${ACCENT}">“</text>`,
      ...[0, 1, 2].map(line => textLine(x + 24, AREA.top + 110 + line * 22, line === 2 ? width - 120 : width - 48)),
      circle(x + 44, AREA.top + 212, 20, LINE),
      textLine(x + 74, AREA.top + 206, 110, INK, 12),
    ].join('')).join(''),
  },
  logoCloud: {
    title: 'Logos partenaires',
    draw: () => [
      textLine(AREA.left + 160, AREA.top + 20, 200, INK, 16),
      ...[0, 1].flatMap(row => columns(4, 20).map(({ x, width }) => [
        rect(x, AREA.top + 70 + row * 96, width, 70, FILL, 8),
        circle(x + 30, AREA.top + 105 + row * 96, 14, '#94a3b8'),
        textLine(x + 54, AREA.top + 100 + row * 96, width - 74, '#94a3b8'),
      ].join(''))),
    ].join(''),
  },
  teamList: {
    title: 'Équipe',
    draw: () => columns(4, 20).map(({ x, width }) => [
      circle(x + width / 2, AREA.top + 90, 48, LINE),
      circle(x + width / 2, AREA.top + 76, 18, PAPER),
      `<path d="M${x + width / 2 - 32} ${AREA.top + 124} a32 26 0 0 1 64 0" fill="${PAPER}"/>`,
      textLine(x + 16, AREA.top + 164, width - 32, INK, 12),
      textLine(x + 26, AREA.top + 188, width - 52),
    ].join('')).join(''),
  },
  contactForm: {
    title: 'Formulaire de contact',
    draw: () => [
      textLine(AREA.left + 100, AREA.top + 6, 200, INK, 16),
      ...[0, 1].map(column => [
        textLine(AREA.left + 100 + column * 166, AREA.top + 40, 80, '#94a3b8', 8),
        outline(AREA.left + 100 + column * 166, AREA.top + 54, 154, 32, 6),
      ].join('')),
      textLine(AREA.left + 100, AREA.top + 100, 80, '#94a3b8', 8),
      outline(AREA.left + 100, AREA.top + 114, 320, 32, 6),
      textLine(AREA.left + 100, AREA.top + 160, 80, '#94a3b8', 8),
      outline(AREA.left + 100, AREA.top + 174, 320, 60, 6),
      button(AREA.left + 100, AREA.top + 244, 110),
    ].join(''),
  },
  newsletterSignup: {
    title: 'Inscription à la lettre d’information',
    draw: () => [
      rect(AREA.left, AREA.top + 50, WIDTH, 164, '#dbeafe', 12),
      `<path d="M${AREA.left + 50} ${AREA.top + 100} h70 v48 h-70 Z M${AREA.left + 50} ${AREA.top + 100} l35 26 l35 -26" fill="${PAPER}" stroke="${ACCENT}" stroke-width="3" stroke-linejoin="round"/>`,
      textLine(AREA.left + 150, AREA.top + 96, 240, INK, 16),
      textLine(AREA.left + 150, AREA.top + 126, 300),
      outline(AREA.left + 150, AREA.top + 152, 220, 32, 6),
      button(AREA.left + 382, AREA.top + 153, 100),
    ].join(''),
  },
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/** The SVG of one thumbnail: the wireframe, then the block's French name in a band. */
export function thumbnailSvg(type: string): string {
  const thumbnail = BLOCK_THUMBNAILS[type]
  if (!thumbnail) throw new Error(`no thumbnail drawing for block type "${type}"`)
  const fontSize = thumbnail.title.length > 28 ? 24 : 30
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${THUMBNAIL_WIDTH}" height="${THUMBNAIL_HEIGHT}" viewBox="0 0 ${THUMBNAIL_WIDTH} ${THUMBNAIL_HEIGHT}">`
    + `<rect width="100%" height="100%" fill="${BACKGROUND}"/>`
    + thumbnail.draw()
    + `<rect x="0" y="316" width="${THUMBNAIL_WIDTH}" height="84" fill="${PAPER}"/>`
    + `<rect x="0" y="316" width="${THUMBNAIL_WIDTH}" height="2" fill="${LINE}"/>`
    + `<text x="${THUMBNAIL_WIDTH / 2}" y="368" text-anchor="middle" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-weight="bold" font-size="${fontSize}" fill="${INK}">${escapeXml(thumbnail.title)}</text>`
    + '</svg>'
}

/** PNG bytes of one thumbnail: a 64-colour palette keeps each file to a few kilobytes. */
export function renderThumbnail(type: string): Promise<Buffer> {
  return sharp(Buffer.from(thumbnailSvg(type)), { density: 72 })
    .png({ palette: true, colours: 64, compressionLevel: 9, effort: 10, dither: 0 })
    .toBuffer()
}

/** Writes every thumbnail to `outDir` and removes PNGs of blocks that no longer exist. */
export async function generateThumbnails(outDir: string = THUMBNAILS_DIR): Promise<string[]> {
  await mkdir(outDir, { recursive: true })
  const types = Object.keys(BLOCK_THUMBNAILS)
  const stale = (await readdir(outDir)).filter(file => file.endsWith('.png') && !types.includes(file.slice(0, -4)))
  await Promise.all(stale.map(file => rm(join(outDir, file))))
  const files: string[] = []
  for (const type of types) {
    const file = join(outDir, `${type}.png`)
    await writeFile(file, await renderThumbnail(type))
    files.push(file)
  }
  return files
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const files = await generateThumbnails(process.argv[2] ? resolve(process.argv[2]) : undefined)
  console.log(`${files.length} block thumbnails written to ${dirname(files[0] ?? THUMBNAILS_DIR)}`)
}
