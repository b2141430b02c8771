import { pageBuilderBlocks } from './blocks'
import { categoryType } from './documents/category'
import { formationType } from './documents/formation'
import { membershipType } from './documents/membership'
import { pageType } from './documents/page'
import { personType } from './documents/person'
import { postType } from './documents/post'
import { blockContentType } from './objects/blockContent'
import { faqItemType } from './objects/faqItem'
import { footerColumnType } from './objects/footerColumn'
import { formationSessionType } from './objects/formationSession'
import { keyFigureType } from './objects/keyFigure'
import { linkType } from './objects/link'
import { partnerLogoType } from './objects/partnerLogo'
import { priceType } from './objects/price'
import { seoType } from './objects/seo'
import { socialLinkType } from './objects/socialLink'
import { testimonialType } from './objects/testimonial'
import { withRequiredFieldsAll } from './required'
import { singletonTypes } from './singletons'

/** Every schema type, with the required fields of `shared/required-fields.ts` applied. */
export const schemaTypes = withRequiredFieldsAll([
  ...singletonTypes,
  pageType,
  formationType,
  membershipType,
  postType,
  personType,
  categoryType,
  blockContentType,
  seoType,
  linkType,
  socialLinkType,
  footerColumnType,
  priceType,
  formationSessionType,
  faqItemType,
  keyFigureType,
  testimonialType,
  partnerLogoType,
  ...pageBuilderBlocks,
])
