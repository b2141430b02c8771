import type { DefaultDocumentNodeResolver, StructureBuilder, StructureResolver } from 'sanity/structure'
import { SEO_DOCUMENT_TYPES } from '../shared/seo-score'
import { WORKFLOW_DOCUMENT_TYPES, WORKFLOW_LIST_FILTER, type WorkflowState } from '../shared/workflow'
import { apiVersion } from './env'
import { formationListItem, PAST_FORMATIONS_QUERY, UPCOMING_FORMATIONS_QUERY } from './formationLists'
import { SeoScoreView } from './views/SeoScoreView'

const SEO_TYPES: ReadonlySet<string> = new Set(SEO_DOCUMENT_TYPES)

/** The form, plus the « SEO » view for documents that have a page of their own. */
function documentViews(S: StructureBuilder, schemaType: string) {
  return SEO_TYPES.has(schemaType)
    ? [S.view.form(), S.view.component(SeoScoreView).id('seo').title('SEO')]
    : [S.view.form()]
}

/** Every document opened from a list gets the views of its type. */
export const defaultDocumentNode: DefaultDocumentNodeResolver = (S, { schemaType }) =>
  S.document().views(documentViews(S, schemaType))

/** A singleton opens its one document directly (`_id` = type name). */
function singletonItem(S: StructureBuilder, type: string, title: string) {
  return S.listItem()
    .id(type)
    .title(title)
    .schemaType(type)
    .child(S.document().schemaType(type).documentId(type).title(title).views(documentViews(S, type)))
}

function documentListItem(S: StructureBuilder, type: string, title: string, orderBy?: { field: string, direction: 'asc' | 'desc' }) {
  const list = S.documentTypeList(type).title(title)
  return S.documentTypeListItem(type)
    .title(title)
    .child(orderBy ? list.defaultOrdering([orderBy]) : list)
}

/**
 * Documents of every workflow type whose pending changes are in `state`
 * (« À relire », « Approuvés »), the longest waiting first. Documents are
 * created from their own lists, so these offer no « create » button.
 */
function workflowListItem(S: StructureBuilder, options: { id: string, title: string, state: WorkflowState }) {
  return S.listItem()
    .id(options.id)
    .title(options.title)
    .child(S.documentList()
      .id(options.id)
      .title(options.title)
      .apiVersion(apiVersion)
      .filter(WORKFLOW_LIST_FILTER)
      .params({ types: [...WORKFLOW_DOCUMENT_TYPES], state: options.state })
      .defaultOrdering([{ field: 'workflow.updatedAt', direction: 'asc' }])
      .initialValueTemplates([]))
}

export const structure: StructureResolver = (S, context) =>
  S.list()
    .title('Contenu')
    .items([
      singletonItem(S, 'siteSettings', 'Paramètres du site'),
      singletonItem(S, 'navigation', 'Navigation'),
      singletonItem(S, 'home', 'Page d’accueil'),
      S.divider(),
      workflowListItem(S, { id: 'a-relire', title: 'À relire', state: 'inReview' }),
      workflowListItem(S, { id: 'approuves', title: 'Approuvés', state: 'approved' }),
      S.divider(),
      documentListItem(S, 'page', 'Pages', { field: 'title', direction: 'asc' }),
      S.listItem()
        .id('formations')
        .title('Formations')
        .schemaType('formation')
        .child(S.list()
          .id('formations')
          .title('Formations')
          .items([
            formationListItem(S, context, { id: 'formations-a-venir', title: 'À venir', query: UPCOMING_FORMATIONS_QUERY }),
            formationListItem(S, context, { id: 'formations-passees', title: 'Passées', query: PAST_FORMATIONS_QUERY }),
            S.divider(),
            documentListItem(S, 'formation', 'Toutes', { field: 'title', direction: 'asc' }),
          ])),
      documentListItem(S, 'membership', 'Adhésions', { field: 'order', direction: 'asc' }),
      documentListItem(S, 'post', 'Actualités', { field: 'publishedAt', direction: 'desc' }),
      documentListItem(S, 'person', 'Équipe', { field: 'order', direction: 'asc' }),
      documentListItem(S, 'category', 'Catégories', { field: 'title', direction: 'asc' }),
    ])
