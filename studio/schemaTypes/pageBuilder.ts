import { defineArrayMember, defineField } from 'sanity'
import { blockThumbnailUrl, INSERT_MENU_GROUPS, pageBuilderBlocks } from './blocks'

/** The `blocks` field of `home` and `page`: one member per page-builder block. */
export function pageBuilderField() {
  return defineField({
    name: 'blocks',
    title: 'Sections',
    type: 'array',
    description: 'Les sections de la page, de haut en bas : bandeau, texte, liste de formations, formulaire… Glissez-les pour changer l’ordre.',
    group: 'content',
    of: pageBuilderBlocks.map(block => defineArrayMember({ type: block.name })),
    options: {
      insertMenu: {
        filter: true,
        groups: INSERT_MENU_GROUPS.map(group => ({ ...group, of: [...group.of] })),
        views: [{ name: 'grid', previewImageUrl: blockThumbnailUrl }, { name: 'list' }],
      },
    },
  })
}
