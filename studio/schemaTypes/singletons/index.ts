import { homeType } from './home'
import { navigationType } from './navigation'
import { siteSettingsType } from './siteSettings'

/** One document each, with `_id` = type name (docs/content-model.md). */
export const singletonTypes = [siteSettingsType, navigationType, homeType]

export const SINGLETON_TYPE_NAMES: ReadonlySet<string> = new Set(singletonTypes.map(type => type.name))
