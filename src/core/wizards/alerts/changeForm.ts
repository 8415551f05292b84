// The shell's form for one change to a selection of alerts: a status to set
// (or none), someone to assign ('-' unassigns), tags and a comment. Pure, so
// every key of a burst applies to what the previous one left.
import { ALERT_STATUSES, type AlertStatus } from './alertRecord.js';
import { isEmptyChange, type AlertChange } from './update.js';

export const FORM_FIELDS = ['status', 'assign', 'tag', 'comment'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface ChangeForm {
  field: FormField;
  /** undefined: the status is left as it is */
  status?: AlertStatus;
  assign: string;
  /** comma-separated */
  tag: string;
  comment: string;
  error?: string;
}

export type ChangeFormEvent =
  | { type: 'field'; delta: 1 | -1 }
  | { type: 'status'; delta: 1 | -1 }
  | { type: 'text'; field: Exclude<FormField, 'status'>; text: string };

export function newChangeForm(field: FormField): ChangeForm {
  return { field, assign: '', tag: '', comment: '' };
}

const STATUS_CHOICES: (AlertStatus | undefined)[] = [undefined, ...ALERT_STATUSES];

export function reduceChangeForm(form: ChangeForm, event: ChangeFormEvent): ChangeForm {
  switch (event.type) {
    case 'field': {
      const i = FORM_FIELDS.indexOf(form.field);
      const n = FORM_FIELDS.length;
      return { ...form, field: FORM_FIELDS[(i + event.delta + n) % n] as FormField };
    }
    case 'status': {
      const n = STATUS_CHOICES.length;
      const i = STATUS_CHOICES.indexOf(form.status);
      return { ...form, status: STATUS_CHOICES[(i + event.delta + n) % n], error: undefined };
    }
    case 'text':
      return { ...form, [event.field]: event.text, error: undefined };
  }
}

/** The change the form describes, or the sentence saying what is missing. */
export function formChange(form: ChangeForm): { ok: true; change: AlertChange } | { ok: false; message: string } {
  const change: AlertChange = {};
  if (form.status) change.status = form.status;
  const assign = form.assign.trim();
  if (assign === '-') change.unassign = true;
  else if (assign) change.assign = assign;
  const tags = form.tag.split(',').map((t) => t.trim()).filter(Boolean);
  if (tags.length) change.tags = tags;
  if (form.comment.trim()) change.comment = form.comment.trim();
  if (isEmptyChange(change)) return { ok: false, message: 'Say what to change: a status (← →), someone to assign, a tag or a comment.' };
  return { ok: true, change };
}
