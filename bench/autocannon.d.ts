// autocannon ships no type declarations (and @types/autocannon is not
// installed): the part of its API the benchmarks use.
declare module 'autocannon' {
  namespace autocannon {
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string
    }
    interface Options {
      url: string
      connections?: number
      duration?: number
      pipelining?: number
      headers?: Record<string, string>
      requests?: { setupRequest?: (request: Request) => Request }[]
    }
    interface Histogram {
      average: number
      p50: number
      p99: number
      max: number
    }
    interface Result {
      requests: Histogram
      latency: Histogram
      throughput: Histogram
      non2xx: number
      errors: number
      timeouts: number
    }
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>
  export = autocannon
}
