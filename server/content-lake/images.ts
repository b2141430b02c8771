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
const MAX_DIMENSION = 4000

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

export function createImageRenderer({ maxEntries = 300 } = {}) {
  const cache = new Map<string, Promise<ImageRendition>>()

  async function render(path: string, params: URLSearchParams, format: Format): Promise<ImageRendition> {
    let image = sharp(path, { failOn: 'error' }).rotate()
    const rect = params.get('rect')
    if (rect) {
      const [left, top, width, height] = rect.split(',').map(Number)
      if ([left, top, width, height].some(value => !Number.isInteger(value) || value! < 0) || !width || !height) {
        throw new ImageParamError('rect must be four non-negative integers: left,top,width,height')
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
        withoutEnlargement: fitName === 'max' || fitName === 'clip',
        background: { r: 255, g: 255, b: 255, alpha: 1 },
      })
    }
    const blur = Number(params.get('blur') ?? 0)
    if (blur > 0) image = image.blur(Math.min(Math.max(blur / 10, 0.3), 100))
    const quality = Math.min(Math.max(Number(params.get('q') ?? 75) || 75, 1), 100)
    const { contentType, encode } = FORMATS[format]
    return { body: await encode(image, quality).toBuffer(), contentType }
  }

  return {
    get(path: string, params: URLSearchParams, accept: string, sourceExtension: string): Promise<ImageRendition> {
      const format = chooseFormat(params, accept, sourceExtension)
      const sorted = new URLSearchParams([...params].sort(([a], [b]) => a.localeCompare(b)))
      const key = `${path}?${sorted}#${format}`
      const cached = cache.get(key)
      if (cached) {
        cache.delete(key)
        cache.set(key, cached)
        return cached
      }
      const rendition = render(path, params, format)
      cache.set(key, rendition)
      rendition.catch(() => cache.delete(key))
      if (cache.size > maxEntries) cache.delete(cache.keys().next().value!)
      return rendition
    },
  }
}

function focalPosition(params: URLSearchParams): string {
  const crop = params.get('crop') ?? 'center'
  const map: Record<string, string> = { top: 'north', bottom: 'south', left: 'west', right: 'east', center: 'centre' }
  return map[crop.split(',')[0]!] ?? 'centre'
}
