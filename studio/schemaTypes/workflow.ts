import { defineField } from 'sanity'
import { WORKFLOW_STATE_LABELS, WORKFLOW_STATES } from '../../shared/workflow'

function userField(name: string, title: string, description: string) {
  return defineField({
    name,
    title,
    type: 'object',
    description,
    fields: [
      defineField({ name: 'id', title: 'Identifiant Sanity', type: 'string', description: 'Identifiant du compte Sanity de la personne.' }),
      defineField({ name: 'name', title: 'Nom', type: 'string', description: 'Nom affiché de la personne au moment de l’action.' }),
    ],
  })
}

/**
 * The `workflow` field of the document types that go through review
 * (shared/workflow.ts). Read-only: only the document actions « Soumettre pour
 * relecture », « Approuver », « Demander des modifications » and « Publier »
 * write it. Optional, so documents that predate the workflow stay valid.
 */
export function workflowField() {
  return defineField({
    name: 'workflow',
    title: 'Relecture',
    type: 'object',
    description: 'Où en sont les modifications non publiées : brouillon, en relecture ou approuvées. Mis à jour par les boutons de relecture en bas du document, pas à la main.',
    group: 'settings',
    readOnly: true,
    options: { collapsible: true, collapsed: true },
    fields: [
      defineField({
        name: 'state',
        title: 'État',
        type: 'string',
        description: 'Brouillon (modifications en cours), En relecture (soumis, en attente d’un relecteur) ou Approuvé (prêt à publier).',
        options: { list: WORKFLOW_STATES.map(state => ({ title: WORKFLOW_STATE_LABELS[state], value: state })) },
      }),
      userField('submittedBy', 'Soumis par', 'Personne qui a soumis les modifications pour relecture.'),
      userField('approvedBy', 'Approuvé par', 'Relecteur qui a approuvé les modifications.'),
      userField('changesRequestedBy', 'Modifications demandées par', 'Relecteur qui a renvoyé le document en brouillon.'),
      defineField({
        name: 'approvedFingerprint',
        title: 'Empreinte du contenu approuvé',
        type: 'string',
        description: 'Sert à vérifier, au moment de publier, que le contenu n’a pas changé depuis l’approbation.',
        hidden: true,
      }),
      defineField({
        name: 'updatedAt',
        title: 'Dernier changement d’état',
        type: 'datetime',
        description: 'Date et heure de la dernière soumission, approbation ou demande de modifications.',
      }),
    ],
  })
}
