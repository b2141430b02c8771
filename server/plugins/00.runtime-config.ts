import type { H3Event } from 'h3'
import { copyConfig } from '../utils/runtime-config'

/**
 * Nitro gives each request its own copy of the runtime config and builds it
 * by reading the environment again for every key (`applyEnv`, two prefixed
 * variable names per key, each through a case conversion): about 1 ms of CPU
 * per request here, more than a /healthz answer costs without it, paid by
 * every page render (Nuxt's renderer asks for it).
 *
 * A Node server's environment does not change once it serves, except for the
 * embedded Content Lake, which sets its NUXT_* variables when it listens. So
 * the config is read from the environment once, after that, and each request
 * gets a copy of it: the same values, still one object per request.
 *
 * The file name sorts it before the other plugins: its request hook must run
 * before any other hook asks for the config.
 */
export default defineNitroPlugin((nitroApp) => {
  const embeddedContent = startEmbeddedContentLake()
  let template: ReturnType<typeof useRuntimeConfig> | undefined

  function requestConfig(event: H3Event) {
    if (template) return copyConfig(template)
    // The first request pays Nitro's own reading; later ones copy its result.
    const config = useRuntimeConfig(event)
    template = copyConfig(config)
    return config
  }

  nitroApp.hooks.hook('request', async (event) => {
    if (embeddedContent) await embeddedContent
    event.context.nitro.runtimeConfig ??= requestConfig(event)
  })
})
