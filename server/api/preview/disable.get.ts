/** Leaves preview mode: the cookie is cleared and published content is shown again. */
export default defineEventHandler((event) => {
  setResponseHeader(event, 'cache-control', 'no-store')
  clearPreviewCookie(event)
  const { redirect } = getQuery(event)
  return sendRedirect(event, localPath(redirect), 307)
})
