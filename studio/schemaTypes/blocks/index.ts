import { callToActionType } from './callToAction'
import { contactFormType } from './contactForm'
import { faqType } from './faq'
import { formationListType } from './formationList'
import { helloAssoEmbedType } from './helloAssoEmbed'
import { heroType } from './hero'
import { imageGalleryType } from './imageGallery'
import { keyFiguresType } from './keyFigures'
import { logoCloudType } from './logoCloud'
import { membershipTiersType } from './membershipTiers'
import { newsletterSignupType } from './newsletterSignup'
import { richTextType } from './richText'
import { teamListType } from './teamList'
import { testimonialsType } from './testimonials'

/**
 * The page-builder blocks, registered once: this list feeds the schema and
 * the `blocks` field of `home` and `page`, in the insert menu's order.
 */
export const pageBuilderBlocks = [
  heroType,
  richTextType,
  callToActionType,
  formationListType,
  membershipTiersType,
  helloAssoEmbedType,
  faqType,
  imageGalleryType,
  keyFiguresType,
  testimonialsType,
  logoCloudType,
  teamListType,
  contactFormType,
  newsletterSignupType,
]
