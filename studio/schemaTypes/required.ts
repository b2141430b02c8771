import type { Rule, SchemaValidationValue, ValidationContext } from 'sanity'
import { REQUIRED_FIELDS, requiredFieldsOf, type RequiredFieldsTable } from '../../shared/required-fields'

interface FieldLike {
  name: string
  type: string
  validation?: unknown
}

interface TypeLike {
  /** Optional on array members (annotations); a nameless type has no required fields. */
  name?: string
  fields?: readonly FieldLike[]
}

/** `required()` added in front of the field's own rules; an image also needs its file. */
function withRequiredRule(field: FieldLike): FieldLike {
  const own = field.validation as SchemaValidationValue
  const validation = (rule: Rule, context?: ValidationContext): SchemaValidationValue => [
    field.type === 'image' ? rule.required().assetRequired() : rule.required(),
    typeof own === 'function' ? own(rule, context) : own,
  ]
  return { ...field, validation }
}

/**
 * Marks the fields listed for this type in the shared table as required, so
 * the Studio and `npm run content:check` apply the same list. A name in the
 * table that is not a field of the type throws: the Studio does not start
 * (and the schema extraction fails) instead of silently dropping the rule.
 */
export function withRequiredFields<T extends TypeLike>(type: T, table: RequiredFieldsTable = REQUIRED_FIELDS): T {
  const required = type.name ? requiredFieldsOf(table, type.name) : []
  if (required.length === 0) {
    return type
  }
  const fields = type.fields ?? []
  const missing = required.filter(name => !fields.some(field => field.name === name))
  if (missing.length > 0) {
    throw new Error(`shared/required-fields.ts: type "${type.name}" has no field ${missing.map(name => `"${name}"`).join(', ')}`)
  }
  return { ...type, fields: fields.map(field => (required.includes(field.name) ? withRequiredRule(field) : field)) } as T
}

/** Applies `withRequiredFields` to every schema type, and refuses table entries for types that do not exist. */
export function withRequiredFieldsAll<T extends TypeLike>(types: readonly T[], table: RequiredFieldsTable = REQUIRED_FIELDS): T[] {
  const names = new Set(types.map(type => type.name))
  const unknown = Object.keys(table).filter(name => !names.has(name))
  if (unknown.length > 0) {
    throw new Error(`shared/required-fields.ts: no schema type named ${unknown.map(name => `"${name}"`).join(', ')}`)
  }
  return types.map(type => withRequiredFields(type, table))
}
