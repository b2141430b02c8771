/**
 * Every GROQ query of the site. Sanity TypeGen reads this file and writes one
 * `<Name>QueryResult` type per query into types/sanity.types.ts, so a query
 * that drifts from the schema, or a component that drifts from a query,
 * fails `npm run typecheck`.
 *
 * Queries rely on the client's `perspective: 'published'`; the embedded
 * Content Lake and Sanity's both honour it.
 */
import { defineQuery } from 'groq'

const imageFields = /* groq */ `
  alt,
  caption,
  hotspot,
  crop,
  "asset": asset->{ _id, metadata { lqip, dimensions { width, height, aspectRatio } } }
`

const linkFields = /* groq */ `
  _key,
  label,
  linkType,
  path,
  url,
  "internal": internal->{ _type, "slug": slug.current }
`

const seoFields = /* groq */ `
  seo { title, description, noIndex, image { ${imageFields} } }
`

const portableTextFields = /* groq */ `
  ...,
  _type == "image" => { ${imageFields} },
  markDefs[] {
    ...,
    _type == "internalLink" => { "target": reference->{ _type, "slug": slug.current } }
  }
`

const sessionFields = /* groq */ `
  _key, start, end, format, venue, city, capacity, registrations, registrationUrl
`

const formationCardFields = /* groq */ `
  _id,
  title,
  "slug": slug.current,
  summary,
  level,
  duration,
  prices[] { _key, label, amount, note },
  "category": category->{ title, "slug": slug.current },
  coverImage { ${imageFields} },
  sessions[] { ${sessionFields} }
`

const membershipFields = /* groq */ `
  _id, title, price, period, description, benefits, helloAssoUrl, highlighted
`

const personFields = /* groq */ `
  _id, name, jobTitle, bio, photo { ${imageFields} }
`

// One conditional projection per block type.
const blockFields = /* groq */ `
  _key,
  _type,
  _type == "hero" => { heading, text, image { ${imageFields} }, actions[] { ${linkFields} } },
  _type == "richText" => { body[] { ${portableTextFields} } },
  _type == "callToAction" => { heading, text, tone, action { ${linkFields} } },
  _type == "formationList" => {
    heading,
    mode,
    limit,
    "category": category->{ title, "slug": slug.current },
    "formations": select(
      mode == "manual" => formations[]->{ ${formationCardFields} },
      mode == "category" => *[_type == "formation" && category._ref == ^.category._ref] | order(title asc) { ${formationCardFields} },
      *[_type == "formation" && count(sessions[dateTime(start) > dateTime(now())]) > 0] { ${formationCardFields} }
    )
  },
  _type == "membershipTiers" => {
    heading,
    intro,
    "tiers": select(
      count(tiers) > 0 => tiers[]->{ ${membershipFields} },
      *[_type == "membership"] | order(order asc) { ${membershipFields} }
    )
  },
  _type == "helloAssoEmbed" => { heading, title, url, height },
  _type == "faq" => { heading, items[] { _key, question, answer[] { ${portableTextFields} } } },
  _type == "imageGallery" => { heading, images[] { _key, ${imageFields} } },
  _type == "keyFigures" => { heading, figures[] { _key, value, label } },
  _type == "testimonials" => { heading, items[] { _key, quote, author, role, photo { ${imageFields} } } },
  _type == "logoCloud" => { heading, logos[] { _key, name, url, logo { ${imageFields} } } },
  _type == "teamList" => {
    heading,
    intro,
    "people": select(
      count(people) > 0 => people[]->{ ${personFields} },
      *[_type == "person" && showOnTeamPage == true] | order(order asc) { ${personFields} }
    )
  },
  _type == "contactForm" => { heading, intro, subjects },
  _type == "newsletterSignup" => { heading, intro },
`

export const layoutQuery = defineQuery(`{
  "settings": *[_id == "siteSettings"][0] {
    title,
    tagline,
    description,
    helloAssoOrganization,
    logo { ${imageFields} },
    contact { email, phone, address },
    socialLinks[] { _key, platform, url },
    ${seoFields}
  },
  "navigation": *[_id == "navigation"][0] {
    headerLinks[] { ${linkFields} },
    headerCta { ${linkFields} },
    footerColumns[] { _key, title, links[] { ${linkFields} } },
    legalLinks[] { ${linkFields} }
  }
}`)

export const homeQuery = defineQuery(`*[_id == "home"][0] {
  _id,
  _updatedAt,
  title,
  ${seoFields},
  blocks[] { ${blockFields} }
}`)

export const pageQuery = defineQuery(`*[_type == "page" && slug.current == $slug][0] {
  _id,
  _updatedAt,
  title,
  "slug": slug.current,
  ${seoFields},
  blocks[] { ${blockFields} }
}`)

export const formationCatalogueQuery = defineQuery(`{
  "formations": *[_type == "formation" && defined(slug.current)
    && ($category == "" || category->slug.current == $category)
  ] | order(title asc) { ${formationCardFields} },
  "categories": *[_type == "category" && count(*[_type == "formation" && references(^._id)]) > 0]
    | order(title asc) { _id, title, "slug": slug.current }
}`)

export const formationQuery = defineQuery(`*[_type == "formation" && slug.current == $slug][0] {
  ${formationCardFields},
  _updatedAt,
  body[] { ${portableTextFields} },
  objectives,
  prerequisites,
  audience,
  "instructors": instructors[]->{ ${personFields} },
  ${seoFields}
}`)

export const membershipsQuery = defineQuery(`*[_type == "membership"] | order(order asc) { ${membershipFields} }`)

export const postListQuery = defineQuery(`{
  "posts": *[_type == "post" && defined(slug.current)] | order(publishedAt desc) [$start...$end] {
    _id, title, "slug": slug.current, publishedAt, excerpt, coverImage { ${imageFields} }
  },
  "total": count(*[_type == "post" && defined(slug.current)])
}`)

export const postQuery = defineQuery(`*[_type == "post" && slug.current == $slug][0] {
  _id,
  _updatedAt,
  title,
  "slug": slug.current,
  publishedAt,
  excerpt,
  coverImage { ${imageFields} },
  body[] { ${portableTextFields} },
  "author": author->{ name, jobTitle },
  ${seoFields}
}`)

export const sitemapQuery = defineQuery(`{
  "home": *[_id == "home"][0] { _updatedAt, "noIndex": seo.noIndex },
  "pages": *[_type == "page" && defined(slug.current)] { "slug": slug.current, _updatedAt, "noIndex": seo.noIndex },
  "formations": *[_type == "formation" && defined(slug.current)] { "slug": slug.current, _updatedAt, "noIndex": seo.noIndex },
  "posts": *[_type == "post" && defined(slug.current)] { "slug": slug.current, _updatedAt, "noIndex": seo.noIndex },
  "memberships": *[_type == "membership"] | order(_updatedAt desc) [0] { _updatedAt }
}`)

/** The contact form block to show again on /formulaire/contact: the one posted from (`$key`), else the first on the site. */
export const contactFormQuery = defineQuery(`*[_type in ["home", "page"] && count(blocks[_type == "contactForm" && ($key == "" || _key == $key)]) > 0] | order(_id == "home" desc)[0] {
  "form": blocks[_type == "contactForm" && ($key == "" || _key == $key)][0] { _key, heading, intro, subjects }
}`)
