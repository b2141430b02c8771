import type { Component } from 'vue'
import type { BlockType } from './types'
import BlockCallToAction from './BlockCallToAction.vue'
import BlockContactForm from './BlockContactForm.vue'
import BlockFaq from './BlockFaq.vue'
import BlockFormationList from './BlockFormationList.vue'
import BlockHelloAssoEmbed from './BlockHelloAssoEmbed.vue'
import BlockHero from './BlockHero.vue'
import BlockImageGallery from './BlockImageGallery.vue'
import BlockKeyFigures from './BlockKeyFigures.vue'
import BlockLogoCloud from './BlockLogoCloud.vue'
import BlockMembershipTiers from './BlockMembershipTiers.vue'
import BlockNewsletterSignup from './BlockNewsletterSignup.vue'
import BlockRichText from './BlockRichText.vue'
import BlockTeamList from './BlockTeamList.vue'
import BlockTestimonials from './BlockTestimonials.vue'

/**
 * The one registration of each block: `_type` → component. `satisfies`
 * makes a block added to or renamed in the schema (and so in TypeGen's
 * types) fail the typecheck until it is registered here.
 */
export const blockComponents = {
  hero: BlockHero,
  richText: BlockRichText,
  callToAction: BlockCallToAction,
  formationList: BlockFormationList,
  membershipTiers: BlockMembershipTiers,
  helloAssoEmbed: BlockHelloAssoEmbed,
  faq: BlockFaq,
  imageGallery: BlockImageGallery,
  keyFigures: BlockKeyFigures,
  testimonials: BlockTestimonials,
  logoCloud: BlockLogoCloud,
  teamList: BlockTeamList,
  contactForm: BlockContactForm,
  newsletterSignup: BlockNewsletterSignup,
} satisfies Record<BlockType, Component>

export function blockComponent(type: string): Component | undefined {
  return Object.hasOwn(blockComponents, type) ? blockComponents[type as BlockType] : undefined
}
