// What the next Start of each kind proposes: the activity and note last used for that kind, so one click
// starts the session the user usually has, and the tray can name it.
import type { Activity, SessionChoice, SessionKind } from '../../../shared/types.ts';

export type SessionChoices = Record<SessionKind, SessionChoice>;

/** Before any session: the most common of each kind, no note. */
export const firstChoices: SessionChoices = {
  online: { activity: 'scanning', note: '' },
  offline: { activity: 'meeting', note: '' },
};

/**
 * What a Start of `kind` runs: what the user gave, the remembered choice for the rest. The remembered note goes
 * with its activity: another activity without a note of its own (catch-up's scanning) starts without one.
 */
export function chosen(
  choices: SessionChoices,
  kind: SessionKind,
  given: { activity?: Activity | undefined; note?: string | undefined } = {},
): SessionChoice {
  const remembered = choices[kind];
  const activity = given.activity ?? remembered.activity;
  return { activity, note: given.note ?? (activity === remembered.activity ? remembered.note : '') };
}

/** Remembers the session's activity and note for the next Start of its kind; the other kind keeps its own. */
export function remember(choices: SessionChoices, kind: SessionKind, choice: SessionChoice): SessionChoices {
  const current = choices[kind];
  if (current.activity === choice.activity && current.note === choice.note) return choices;
  return { ...choices, [kind]: { activity: choice.activity, note: choice.note } };
}
