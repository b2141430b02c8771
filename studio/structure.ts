import type { StructureBuilder, StructureResolver } from 'sanity/structure'

/** A singleton opens its one document directly (`_id` = type name). */
function singletonItem(S: StructureBuilder, type: string, title: string) {
  return S.listItem()
    .id(type)
    .title(title)
    .schemaType(type)
    .child(S.document().schemaType(type).documentId(type).title(title))
}

function documentListItem(S: StructureBuilder, type: string, title: string, orderBy?: { field: string, direction: 'asc' | 'desc' }) {
  const list = S.documentTypeList(type).title(title)
  return S.documentTypeListItem(type)
    .title(title)
    .child(orderBy ? list.defaultOrdering([orderBy]) : list)
}

export const structure: StructureResolver = S =>
  S.list()
    .title('Contenu')
    .items([
      singletonItem(S, 'siteSettings', 'Paramètres du site'),
      singletonItem(S, 'navigation', 'Navigation'),
      singletonItem(S, 'home', 'Page d’accueil'),
      S.divider(),
      documentListItem(S, 'page', 'Pages', { field: 'title', direction: 'asc' }),
      documentListItem(S, 'formation', 'Formations', { field: 'title', direction: 'asc' }),
      documentListItem(S, 'membership', 'Adhésions', { field: 'order', direction: 'asc' }),
      documentListItem(S, 'post', 'Actualités', { field: 'publishedAt', direction: 'desc' }),
      documentListItem(S, 'person', 'Équipe', { field: 'order', direction: 'asc' }),
      documentListItem(S, 'category', 'Catégories', { field: 'title', direction: 'asc' }),
    ])
