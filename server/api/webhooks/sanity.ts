import { methodNotAllowed } from '../../publish/webhook'

/** Every method but POST (sanity.post.ts): 405 with `Allow: POST`, never the site's 404 page. */
export default defineApiHandler((event) => {
  throw methodNotAllowed(event)
})
