// Field errors worded as Laravel words them, so clients written for Aloware read what they expect.
import type { FieldError } from '../errors/field-error.js';

function sentence(e: FieldError): string {
  const a = e.field.replace(/_/g, ' ');
  switch (e.rule) {
    case 'required': return `The ${a} field is required.`;
    case 'string': return `The ${a} must be a string.`;
    case 'email': return `The ${a} must be a valid email address.`;
    case 'date_format': return `The ${a} does not match the format ${e.params?.format ?? 'm/d/Y'}.`;
    case 'boolean': return `The ${a} field must be true or false.`;
    case 'integer': return `The ${a} must be an integer.`;
    case 'timezone': return `The ${a} must be a valid timezone.`;
    case 'phone': return `The ${a} must be a valid phone number.`;
    case 'max': return e.params?.items
      ? `The ${a} must not have more than ${e.params.max} items.`
      : `The ${a} must not be greater than ${e.params?.max} characters.`;
    case 'array': return `The ${a} must be an array.`;
    case 'object': return e.field === 'body' ? 'The request body must be a JSON object.' : `The ${a} must be an object.`;
    case 'in':
    case 'country': return `The selected ${a} is invalid.`;
    case 'no_nul': return `The ${a} must not contain NUL characters.`;
    case 'unknown': return `The ${a} field is not allowed.`;
  }
}

export function laravelErrors(errors: FieldError[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors) (out[e.field] ??= []).push(sentence(e));
  return out;
}
