/**
 * Generated illustrations for the embedded dataset: SVG composed in code
 * (gradients, geometric shapes, soft abstract scenes, avatar silhouettes),
 * rasterised and encoded by sharp. No text, no fonts, no downloads.
 * Every image is a pure function of its spec, so the bytes never change.
 */
import { createHash } from 'node:crypto'
import sharp from 'sharp'

export type ImageKind = 'cover' | 'portrait' | 'logo' | 'gallery'
export type SceneStyle = 'hills' | 'bokeh' | 'geometric' | 'waves' | 'group' | 'horizon'
export type LogoStyle = 'rings' | 'chevrons' | 'leaf' | 'hexagon' | 'arch' | 'grid'

export interface ImageSpec {
  /** Stable name: seeds the random generator and identifies the image in the generator. */
  name: string
  kind: ImageKind
  /** Index into PALETTES. */
  palette: number
  /** Scene for covers and gallery images, mark for logos. */
  style?: SceneStyle | LogoStyle
  /** Name the file had "on the editor's computer": assets.json `originalFilename`. */
  originalFilename: string
}

export interface RenderedImage {
  bytes: Buffer
  width: number
  height: number
  extension: 'jpg' | 'png'
  sha1: string
}

export const SIZES: Record<ImageKind, [number, number]> = {
  cover: [1600, 900],
  portrait: [800, 800],
  logo: [480, 240],
  gallery: [1200, 800],
}

/** [deep, mid, accent, warm, light] */
export const PALETTES: string[][] = [
  ['#1e3a8a', '#3b82f6', '#f59e0b', '#fb7185', '#e0f2fe'], // 0 bleu nuit / ambre
  ['#134e4a', '#14b8a6', '#facc15', '#f97316', '#ecfdf5'], // 1 sarcelle / soleil
  ['#4c1d95', '#8b5cf6', '#f472b6', '#fbbf24', '#f5f3ff'], // 2 violet / rose
  ['#7c2d12', '#ea580c', '#fde68a', '#0ea5e9', '#fff7ed'], // 3 terre cuite
  ['#14532d', '#22c55e', '#a3e635', '#0891b2', '#f0fdf4'], // 4 forêt
  ['#0c4a6e', '#0284c7', '#67e8f9', '#f43f5e', '#f0f9ff'], // 5 océan
  ['#831843', '#db2777', '#fda4af', '#fcd34d', '#fdf2f8'], // 6 framboise
  ['#1f2937', '#475569', '#38bdf8', '#facc15', '#f8fafc'], // 7 ardoise
  ['#3f6212', '#84cc16', '#fef08a', '#f97316', '#f7fee7'], // 8 olive
  ['#312e81', '#6366f1', '#22d3ee', '#f9a8d4', '#eef2ff'], // 9 indigo
  ['#78350f', '#d97706', '#fcd34d', '#0d9488', '#fffbeb'], // 10 miel
  ['#164e63', '#06b6d4', '#fb923c', '#fde047', '#ecfeff'], // 11 cyan / mandarine
  ['#581c87', '#c026d3', '#38bdf8', '#fde68a', '#fdf4ff'], // 12 prune
  ['#1e40af', '#60a5fa', '#34d399', '#fbbf24', '#eff6ff'], // 13 ciel
]

/** Small, fast, seedable PRNG (mulberry32). */
function rng(seedText: string): () => number {
  let seed = createHash('sha1').update(seedText).digest().readUInt32BE(0)
  return () => {
    seed = (seed + 0x6D2B79F5) | 0
    let t = seed
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const f = (n: number) => Number(n.toFixed(1))

function pick<T>(random: () => number, list: T[]): T {
  return list[Math.floor(random() * list.length)]!
}

function between(random: () => number, min: number, max: number): number {
  return min + random() * (max - min)
}

/** Mixes two #rrggbb colours; t = 0 gives a, 1 gives b. */
function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map(i => Number.parseInt(a.slice(i, i + 2), 16))
  const pb = [1, 3, 5].map(i => Number.parseInt(b.slice(i, i + 2), 16))
  return `#${pa.map((v, i) => Math.round(v + (pb[i]! - v) * t).toString(16).padStart(2, '0')).join('')}`
}

function svg(width: number, height: number, defs: string, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><defs>${defs}</defs>${body}</svg>`
}

function linear(id: string, stops: string[], angle: number): string {
  const rad = (angle * Math.PI) / 180
  const x = Math.cos(rad) / 2
  const y = Math.sin(rad) / 2
  const stopTags = stops.map((color, i) => `<stop offset="${f((i / (stops.length - 1)) * 100)}%" stop-color="${color}"/>`).join('')
  return `<linearGradient id="${id}" x1="${f(50 - x * 100)}%" y1="${f(50 - y * 100)}%" x2="${f(50 + x * 100)}%" y2="${f(50 + y * 100)}%">${stopTags}</linearGradient>`
}

function radial(id: string, color: string, opacity: number): string {
  return `<radialGradient id="${id}"><stop offset="0%" stop-color="${color}" stop-opacity="${opacity}"/><stop offset="100%" stop-color="${color}" stop-opacity="0"/></radialGradient>`
}

/** A smooth closed band from the left edge to the right edge, filled down to the bottom. */
function ridge(random: () => number, width: number, height: number, baseY: number, amplitude: number, color: string, opacity = 1): string {
  const steps = 4 + Math.floor(random() * 3)
  const points: [number, number][] = []
  for (let i = 0; i <= steps; i++) {
    points.push([(i / steps) * width, baseY + between(random, -amplitude, amplitude)])
  }
  let d = `M0 ${height} L0 ${f(points[0]![1])}`
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!
    const [x1, y1] = points[i]!
    const cx = (x0 + x1) / 2
    d += ` C${f(cx)} ${f(y0)} ${f(cx)} ${f(y1)} ${f(x1)} ${f(y1)}`
  }
  d += ` L${width} ${height} Z`
  return `<path d="${d}" fill="${color}" fill-opacity="${opacity}"/>`
}

const SKIN_TONES = ['#f3d2b3', '#e6b48f', '#c98e66', '#a36a45', '#7a4a2e', '#f0c6a0']

function silhouette(cx: number, baseY: number, scale: number, color: string, hair: string, variant: number, skin: string): string {
  const head = 0.16 * scale
  const headY = baseY - 0.62 * scale
  const shoulders = `M${f(cx - 0.42 * scale)} ${f(baseY)} C${f(cx - 0.42 * scale)} ${f(baseY - 0.3 * scale)} ${f(cx - 0.26 * scale)} ${f(baseY - 0.4 * scale)} ${f(cx)} ${f(baseY - 0.4 * scale)} C${f(cx + 0.26 * scale)} ${f(baseY - 0.4 * scale)} ${f(cx + 0.42 * scale)} ${f(baseY - 0.3 * scale)} ${f(cx + 0.42 * scale)} ${f(baseY)} Z`
  const hairShapes = [
    '',
    `<path d="M${f(cx - head * 1.04)} ${f(headY)} A${f(head * 1.04)} ${f(head * 1.04)} 0 0 1 ${f(cx + head * 1.04)} ${f(headY)} Z" fill="${hair}"/>`,
    `<circle cx="${f(cx)}" cy="${f(headY - head * 1.05)}" r="${f(head * 0.45)}" fill="${hair}"/><path d="M${f(cx - head)} ${f(headY)} A${f(head)} ${f(head)} 0 0 1 ${f(cx + head)} ${f(headY)} Z" fill="${hair}"/>`,
    `<path d="M${f(cx - head * 1.1)} ${f(headY + head * 1.3)} L${f(cx - head * 1.1)} ${f(headY)} A${f(head * 1.1)} ${f(head * 1.1)} 0 0 1 ${f(cx + head * 1.1)} ${f(headY)} L${f(cx + head * 1.1)} ${f(headY + head * 1.3)} Z" fill="${hair}"/>`,
  ]
  return `<path d="${shoulders}" fill="${color}"/>`
    + (variant === 3 ? hairShapes[3] : '')
    + `<rect x="${f(cx - head * 0.42)}" y="${f(headY + head * 0.6)}" width="${f(head * 0.84)}" height="${f(head * 1.2)}" rx="${f(head * 0.3)}" fill="${mix(skin, '#000000', 0.08)}"/>`
    + `<circle cx="${f(cx)}" cy="${f(headY)}" r="${f(head)}" fill="${skin}"/>`
    + (variant === 3 ? '' : hairShapes[variant % 3])
}

function scene(style: SceneStyle, random: () => number, p: string[], width: number, height: number): string {
  const [deep, mid, accent, warm, light] = p as [string, string, string, string, string]
  switch (style) {
    case 'hills': {
      const sunX = between(random, 0.2, 0.8) * width
      const sunY = between(random, 0.22, 0.4) * height
      const defs = linear('sky', [light, mix(mid, light, 0.55), mix(warm, light, 0.4)], 90) + radial('glow', accent, 0.8)
      let body = `<rect width="${width}" height="${height}" fill="url(#sky)"/>`
      body += `<circle cx="${f(sunX)}" cy="${f(sunY)}" r="${f(height * 0.42)}" fill="url(#glow)"/>`
      body += `<circle cx="${f(sunX)}" cy="${f(sunY)}" r="${f(height * 0.1)}" fill="${mix(accent, '#ffffff', 0.2)}"/>`
      const layers = 4
      for (let i = 0; i < layers; i++) {
        const t = i / (layers - 1)
        body += ridge(random, width, height, height * (0.5 + t * 0.32), height * 0.07, mix(mix(mid, light, 0.45), deep, t * 0.9))
      }
      return svg(width, height, defs, body)
    }
    case 'bokeh': {
      const defs = linear('bg', [deep, mid, mix(warm, deep, 0.3)], between(random, 20, 70))
        + [accent, warm, light, mid].map((c, i) => radial(`b${i}`, c, 0.75)).join('')
      let body = `<rect width="${width}" height="${height}" fill="url(#bg)"/>`
      for (let i = 0; i < 16; i++) {
        const r = between(random, 0.06, 0.24) * height
        body += `<circle cx="${f(random() * width)}" cy="${f(random() * height)}" r="${f(r)}" fill="url(#b${i % 4})"/>`
      }
      for (let i = 0; i < 5; i++) {
        const r = between(random, 0.03, 0.09) * height
        body += `<circle cx="${f(random() * width)}" cy="${f(random() * height)}" r="${f(r)}" fill="none" stroke="${light}" stroke-opacity="0.35" stroke-width="${f(r * 0.12)}"/>`
      }
      return svg(width, height, defs, body)
    }
    case 'geometric': {
      const defs = linear('bg', [light, mix(light, mid, 0.25)], 45)
      const cols = 8
      const cell = width / cols
      const rows = Math.ceil(height / cell)
      const colors = [deep, mid, accent, warm, mix(mid, light, 0.5)]
      let body = `<rect width="${width}" height="${height}" fill="url(#bg)"/>`
      for (let row = 0; row < rows; row++) {
        for (let col = 0; col < cols; col++) {
          if (random() < 0.28) continue
          const x = col * cell
          const y = row * cell
          const color = pick(random, colors)
          const shape = Math.floor(random() * 5)
          const o = f(between(random, 0.75, 1))
          if (shape === 0) body += `<circle cx="${f(x + cell / 2)}" cy="${f(y + cell / 2)}" r="${f(cell * 0.38)}" fill="${color}" fill-opacity="${o}"/>`
          else if (shape === 1) body += `<path d="M${f(x)} ${f(y + cell)} A${f(cell)} ${f(cell)} 0 0 1 ${f(x + cell)} ${f(y)} L${f(x + cell)} ${f(y + cell)} Z" fill="${color}" fill-opacity="${o}"/>`
          else if (shape === 2) body += `<rect x="${f(x + cell * 0.14)}" y="${f(y + cell * 0.14)}" width="${f(cell * 0.72)}" height="${f(cell * 0.72)}" rx="${f(cell * 0.12)}" fill="${color}" fill-opacity="${o}"/>`
          else if (shape === 3) body += `<path d="M${f(x)} ${f(y + cell)} L${f(x + cell / 2)} ${f(y)} L${f(x + cell)} ${f(y + cell)} Z" fill="${color}" fill-opacity="${o}"/>`
          else body += `<circle cx="${f(x + cell / 2)}" cy="${f(y + cell / 2)}" r="${f(cell * 0.3)}" fill="none" stroke="${color}" stroke-width="${f(cell * 0.12)}" stroke-opacity="${o}"/>`
        }
      }
      return svg(width, height, defs, body)
    }
    case 'waves': {
      const defs = linear('bg', [deep, mix(deep, mid, 0.6)], between(random, 70, 110))
      let body = `<rect width="${width}" height="${height}" fill="url(#bg)"/>`
      const colors = [mid, accent, warm, light]
      for (let i = 0; i < 14; i++) {
        const y = between(random, 0.15, 0.95) * height
        const amp = between(random, 0.04, 0.16) * height
        const phase = random() * width
        const d = `M${f(-100)} ${f(y)} C${f(width * 0.25 + phase * 0.1)} ${f(y - amp)} ${f(width * 0.5 - phase * 0.1)} ${f(y + amp)} ${f(width * 0.75)} ${f(y - amp * 0.4)} S${f(width + 100)} ${f(y + amp * 0.5)} ${f(width + 100)} ${f(y)}`
        body += `<path d="${d}" fill="none" stroke="${colors[i % 4]}" stroke-opacity="${f(between(random, 0.25, 0.7))}" stroke-width="${f(between(random, 6, 40))}" stroke-linecap="round"/>`
      }
      return svg(width, height, defs, body)
    }
    case 'group': {
      const defs = linear('wall', [light, mix(light, mid, 0.3)], 90) + radial('lamp', accent, 0.45)
      let body = `<rect width="${width}" height="${height}" fill="url(#wall)"/>`
      body += `<circle cx="${f(width * between(random, 0.2, 0.8))}" cy="${f(height * 0.1)}" r="${f(height * 0.6)}" fill="url(#lamp)"/>`
      const boardW = width * 0.46
      const boardX = width * between(random, 0.08, 0.46)
      body += `<rect x="${f(boardX)}" y="${f(height * 0.12)}" width="${f(boardW)}" height="${f(height * 0.36)}" rx="14" fill="${mix(deep, '#ffffff', 0.9)}" stroke="${mix(deep, light, 0.4)}" stroke-width="8"/>`
      for (let i = 0; i < 4; i++) {
        const w = boardW * between(random, 0.3, 0.75)
        body += `<rect x="${f(boardX + boardW * 0.08)}" y="${f(height * (0.18 + i * 0.07))}" width="${f(w)}" height="${f(height * 0.022)}" rx="6" fill="${pick(random, [mid, accent, warm])}" fill-opacity="0.8"/>`
      }
      body += `<rect y="${f(height * 0.78)}" width="${width}" height="${f(height * 0.22)}" fill="${mix(deep, light, 0.55)}"/>`
      const people = 4 + Math.floor(random() * 2)
      const colors = [deep, mid, warm, accent, mix(deep, warm, 0.5)]
      for (let i = 0; i < people; i++) {
        const cx = (width / people) * (i + 0.5) + between(random, -30, 30)
        const scale = height * between(random, 0.62, 0.74)
        const color = colors[i % colors.length]!
        body += silhouette(cx, height * 1.04, scale, color, mix(deep, '#000000', 0.35), Math.floor(random() * 4), pick(random, SKIN_TONES))
      }
      body += `<rect x="${f(width * 0.03)}" y="${f(height * 0.93)}" width="${f(width * 0.94)}" height="${f(height * 0.12)}" rx="18" fill="${mix(warm, deep, 0.35)}"/>`
      return svg(width, height, defs, body)
    }
    case 'horizon': {
      const defs = linear('sky', [mix(deep, mid, 0.3), mid, mix(warm, light, 0.3)], 90) + radial('sun', warm, 0.9)
      let body = `<rect width="${width}" height="${height}" fill="url(#sky)"/>`
      const sunX = width * between(random, 0.3, 0.7)
      body += `<circle cx="${f(sunX)}" cy="${f(height * 0.62)}" r="${f(height * 0.5)}" fill="url(#sun)"/>`
      body += `<circle cx="${f(sunX)}" cy="${f(height * 0.62)}" r="${f(height * 0.16)}" fill="${mix(warm, '#ffffff', 0.3)}"/>`
      body += `<rect y="${f(height * 0.64)}" width="${width}" height="${f(height * 0.36)}" fill="${mix(deep, mid, 0.4)}"/>`
      for (let i = 0; i < 9; i++) {
        const y = height * (0.67 + i * 0.035)
        const w = width * between(random, 0.05, 0.3) * (1 - i * 0.06)
        body += `<rect x="${f(sunX - w / 2)}" y="${f(y)}" width="${f(w)}" height="${f(height * 0.008)}" rx="4" fill="${light}" fill-opacity="${f(0.5 - i * 0.04)}"/>`
      }
      return svg(width, height, defs, body)
    }
  }
}

function portrait(random: () => number, p: string[], size: number): string {
  const [deep, mid, accent, warm, light] = p as [string, string, string, string, string]
  const defs = linear('bg', [mix(light, mid, 0.25), mix(accent, light, 0.35)], between(random, 30, 150)) + radial('halo', light, 0.9)
  let body = `<rect width="${size}" height="${size}" fill="url(#bg)"/>`
  body += `<circle cx="${f(size * between(random, 0.35, 0.65))}" cy="${f(size * 0.4)}" r="${f(size * 0.45)}" fill="url(#halo)"/>`
  for (let i = 0; i < 3; i++) {
    body += `<circle cx="${f(random() * size)}" cy="${f(random() * size * 0.6)}" r="${f(size * between(random, 0.04, 0.1))}" fill="${pick(random, [accent, warm, light])}" fill-opacity="0.35"/>`
  }
  const clothes = pick(random, [deep, mid, mix(deep, warm, 0.4)])
  body += silhouette(size / 2, size * 1.02, size * 1.05, clothes, mix(deep, '#000000', 0.4), Math.floor(random() * 4), pick(random, SKIN_TONES))
  body += `<path d="M${f(size * 0.44)} ${f(size * 0.65)} L${f(size * 0.5)} ${f(size * 0.75)} L${f(size * 0.56)} ${f(size * 0.65)} Z" fill="${light}" fill-opacity="0.85"/>`
  return svg(size, size, defs, body)
}

function logo(style: LogoStyle, random: () => number, p: string[], width: number, height: number): string {
  const [deep, mid, accent, warm] = p as [string, string, string, string, string]
  const cx = height / 2 + 10
  const cy = height / 2
  let mark = ''
  switch (style) {
    case 'rings':
      mark = [[deep, -34, 18], [mid, 34, 18], [accent, 0, -40]]
        .map(([c, dx, dy]) => `<circle cx="${f(cx + (dx as number))}" cy="${f(cy + (dy as number))}" r="52" fill="${c}" fill-opacity="0.82"/>`).join('')
      break
    case 'chevrons':
      mark = [deep, mid, accent].map((c, i) => `<path d="M${cx - 70} ${cy - 60 + i * 38} L${cx} ${cy - 20 + i * 38} L${cx + 70} ${cy - 60 + i * 38}" fill="none" stroke="${c}" stroke-width="24" stroke-linecap="round" stroke-linejoin="round"/>`).join('')
      break
    case 'leaf':
      mark = `<path d="M${cx - 70} ${cy + 70} C${cx - 80} ${cy - 40} ${cx - 10} ${cy - 90} ${cx + 75} ${cy - 80} C${cx + 80} ${cy + 10} ${cx + 20} ${cy + 80} ${cx - 70} ${cy + 70} Z" fill="${mid}"/>`
        + `<path d="M${cx - 70} ${cy + 70} C${cx - 20} ${cy + 10} ${cx + 20} ${cy - 30} ${cx + 60} ${cy - 62}" fill="none" stroke="${deep}" stroke-width="10" stroke-linecap="round"/>`
      break
    case 'hexagon': {
      const pts = Array.from({ length: 6 }, (_, i) => {
        const a = (Math.PI / 3) * i + Math.PI / 6
        return `${f(cx + Math.cos(a) * 82)},${f(cy + Math.sin(a) * 82)}`
      }).join(' ')
      mark = `<polygon points="${pts}" fill="${deep}"/><circle cx="${cx}" cy="${cy}" r="38" fill="${accent}"/><circle cx="${cx}" cy="${cy}" r="16" fill="${deep}"/>`
      break
    }
    case 'arch':
      mark = `<path d="M${cx - 80} ${cy + 75} L${cx - 80} ${cy} A80 80 0 0 1 ${cx + 80} ${cy} L${cx + 80} ${cy + 75} L${cx + 46} ${cy + 75} L${cx + 46} ${cy} A46 46 0 0 0 ${cx - 46} ${cy} L${cx - 46} ${cy + 75} Z" fill="${deep}"/><circle cx="${cx}" cy="${cy - 8}" r="22" fill="${warm}"/>`
      break
    case 'grid':
      for (let row = 0; row < 3; row++) {
        for (let col = 0; col < 3; col++) {
          const c = [deep, mid, accent, warm][(row * 3 + col + Math.floor(random() * 2)) % 4]
          mark += `<rect x="${cx - 78 + col * 54}" y="${cy - 78 + row * 54}" width="48" height="48" rx="${(row + col) % 2 ? 24 : 8}" fill="${c}"/>`
        }
      }
      break
  }
  // Rounded bars stand in for a word mark (no fonts in the image).
  const barX = height + 36
  const bars = `<rect x="${barX}" y="${cy - 34}" width="${f(between(random, 150, 190))}" height="26" rx="13" fill="${deep}"/>`
    + `<rect x="${barX}" y="${cy + 8}" width="${f(between(random, 90, 140))}" height="18" rx="9" fill="${mix(mid, '#ffffff', 0.2)}"/>`
  return svg(width, height, '', mark + bars)
}

function buildSvg(spec: ImageSpec): string {
  const random = rng(spec.name)
  const palette = PALETTES[spec.palette % PALETTES.length]!
  const [width, height] = SIZES[spec.kind]
  switch (spec.kind) {
    case 'cover':
    case 'gallery':
      return scene((spec.style ?? 'hills') as SceneStyle, random, palette, width, height)
    case 'portrait':
      return portrait(random, palette, width)
    case 'logo':
      return logo((spec.style ?? 'rings') as LogoStyle, random, palette, width, height)
  }
}

export async function renderImage(spec: ImageSpec): Promise<RenderedImage> {
  const [width, height] = SIZES[spec.kind]
  const source = sharp(Buffer.from(buildSvg(spec)), { density: 72 })
  const extension = spec.kind === 'logo' ? 'png' : 'jpg'
  const bytes = extension === 'png'
    ? await source.png({ compressionLevel: 9, adaptiveFiltering: true, palette: true, effort: 10 }).toBuffer()
    : await source.flatten({ background: '#ffffff' }).jpeg({ quality: 78, progressive: true }).toBuffer()
  const meta = await sharp(bytes).metadata()
  if (meta.width !== width || meta.height !== height) {
    throw new Error(`${spec.name}: rendered ${meta.width}x${meta.height}, expected ${width}x${height}`)
  }
  return { bytes, width, height, extension, sha1: createHash('sha1').update(bytes).digest('hex') }
}
