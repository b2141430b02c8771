/**
 * The subset of Sanity's image API that @sanity/image-url emits (rect, w, h,
 * fit, crop/focal point, q, fm, auto=format, dpr, blur), implemented with
 * sharp. Results are kept in a small in-memory LRU so repeated requests for
 * the same rendition cost a map lookup.
 */
import sharp, { type FitEnum, type Sharp } from 'sharp'

export interface ImageRendition {
  body: Buffer
  contentType: string
}

const FORMATS = {
  jpg: { contentType: 'image/jpeg', encode: (image: Sharp, quality: number) => image.jpeg({ quality, mozjpeg: true }) },
  pjpg: { contentType: 'image/jpeg', encode: (image: Sharp, quality: number) => image.jpeg({ quality, progressive: true, mozjpeg: true }) },
  png: { contentType: 'image/png', encode: (image: Sharp) => image.png() },
  webp: { contentType: 'image/webp', encode: (image: Sharp, quality: number) => image.webp({ quality }) },
  avif: { contentType: 'image/avif', encode: (image: Sharp, quality: number) => image.avif({ quality: Math.max(30, quality - 20) }) },
} as const
type Format = keyof typeof FORMATS

const FITS: Record<string, keyof FitEnum> = {
  crop: 'cover', min: 'cover', fill: 'contain', fillmax: 'contain', scale: 'fill', clip: 'inside', max: 'inside',
}
// The site never asks for more than 2 × 1000 px; anything bigger is a waste of CPU.
const MAX_DIMENSION = 2000
const MAX_BLUR = 50
/** Only these parameters change a rendition; the cache key ignores the rest. */
const KNOWN_PARAMS = ['rect', 'w', 'h', 'fit', 'crop', 'q', 'fm', 'auto', 'dpr', 'blur']

export class ImageParamError extends Error {}

function positiveInt(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name)
  if (raw === null || raw === '') return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) throw new ImageParamError(`${name} must be a positive number`)
  return Math.min(Math.round(value), MAX_DIMENSION)
}

/** Picks the output format: explicit `fm`, else WebP when `auto=format` and the browser accepts it, else the source's. */
export function chooseFormat(params: URLSearchParams, accept: string, sourceExtension: string): Format {
  const requested = params.get('fm')
  if (requested) {
    const format = (requested === 'jpeg' ? 'jpg' : requested) as Format
    if (!(format in FORMATS)) throw new ImageParamError(`unsupported format "${requested}"`)
    return format
  }
  if (params.get('auto') === 'format' && accept.includes('image/webp')) return 'webp'
  return sourceExtension === 'png' ? 'png' : 'jpg'
}

/**
 * Renders at most `concurrency` images at once and keeps the newest results
 * up to `maxBytes`, so a stream of odd parameters cannot exhaust CPU or memory.
 */
export function createImageRenderer({ maxBytes = 64 * 1024 * 1024, concurrency = 2 } = {}) {
  const cache = new Map<string, Promise<ImageRendition>>()
  const sizes = new Map<string, number>()
  let cachedBytes = 0
  let running = 0
  const waiting: (() => void)[] = []

  async function withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (running >= concurrency) await new Promise<void>(resolve => waiting.push(resolve))
    running++
    try {
      return await work()
    }
    finally {
      running--
      waiting.shift()?.()
    }
  }

  function remember(key: string, bytes: number) {
    sizes.set(key, bytes)
    cachedBytes += bytes
    for (const [oldest, size] of sizes) {
      if (cachedBytes <= maxBytes) break
      sizes.delete(oldest)
      cache.delete(oldest)
      cachedBytes -= size
    }
  }

  async function render(path: string, params: URLSearchParams, format: Format): Promise<ImageRendition> {
    let image = sharp(path, { failOn: 'error' }).rotate()
    const rect = params.get('rect')
    if (rect) {
      const [left, top, width, height] = rect.split(',').map(Number)
      if ([left, top, width, height].some(value => !Number.isInteger(value) || value! < 0) || !width || !height) {
        throw new ImageParamError('rect must be four non-negative integers: left,top,width,height')
      }
      const { width: sourceWidth = 0, height: sourceHeight = 0 } = await image.metadata()
      if (left! + width! > sourceWidth || top! + height! > sourceHeight) {
        throw new ImageParamError(`rect must lie inside the ${sourceWidth}x${sourceHeight} image`)
      }
      image = image.extract({ left: left!, top: top!, width: width!, height: height! })
    }
    const dpr = Math.min(Math.max(Number(params.get('dpr') ?? 1) || 1, 1), 3)
    const width = positiveInt(params, 'w')
    const height = positiveInt(params, 'h')
    if (width || height) {
      const fitName = params.get('fit') ?? 'clip'
      const fit = FITS[fitName]
      if (!fit) throw new ImageParamError(`unsupported fit "${fitName}"`)
      image = image.resize({
        width: width && Math.min(Math.round(width * dpr), MAX_DIMENSION),
        height: height && Math.min(Math.round(height * dpr), MAX_DIMENSION),
        fit,
        position: fit === 'cover' ? focalPosition(params) : 'centre',
        // Never upscale: a larger rendition than the source costs CPU and adds nothing.
        withoutEnlargement: true,
        background: { r: 255, g: 255, b: 255, alpha: 1 },
      })
    }
    const blur = Number(params.get('blur') ?? 0)
    if (blur > 0) image = image.blur(Math.min(Math.max(blur / 10, 0.3), MAX_BLUR))
    const quality = Math.min(Math.max(Number(params.get('q') ?? 75) || 75, 1), 100)
    const { contentType, encode } = FORMATS[format]
    return { body: await encode(image, quality).toBuffer(), contentType }
  }

  return {
    get(path: string, params: URLSearchParams, accept: string, sourceExtension: string): Promise<ImageRendition> {
      const format = chooseFormat(params, accept, sourceExtension)
      const known = new URLSearchParams(KNOWN_PARAMS.filter(name => params.has(name)).map(name => [name, params.get(name)!]))
      const key = `${path}?${known}#${format}`
      const cached = cache.get(key)
      if (cached) return cached
      const rendition = withSlot(() => render(path, known, format))
      cache.set(key, rendition)
      rendition.then(result => remember(key, result.body.length), () => cache.delete(key))
      return rendition
    },
  }
}

function focalPosition(params: URLSearchParams): string {
  const crop = params.get('crop') ?? 'center'
  const map: Record<string, string> = { top: 'north', bottom: 'south', left: 'west', right: 'east', center: 'centre' }
  return map[crop.split(',')[0]!] ?? 'centre'
}
