// The contract's methods for the report and the outcomes it counts, and the files made of them.
import { z } from 'zod';
import { csvExport, dayRange, none, outcomeInput } from '../inputs.ts';
import type { Outcome } from '../outcomes.ts';
import type { Comparison, Report } from '../report.ts';
import type { Download } from './app.ts';
import { method } from './method.ts';

export const reportMethods = {
  getReport: method<Report>().takes(dayRange),
  /** The report's comparison alone, for the Dashboard, which asks again whenever the time changes. */
  getComparison: method<Comparison>().takes(dayRange),
  listOutcomes: method<Outcome[]>().takes(none),
  addOutcome: method<Outcome>().takes(outcomeInput),
  updateOutcome: method<Outcome>().takes(z.object({ id: z.string().min(1), outcome: outcomeInput }).strict()),
  deleteOutcome: method<Outcome>().takes(z.object({ id: z.string().min(1) }).strict()),
  undoDeleteOutcome: method<Outcome>().takes(z.object({ id: z.string().min(1) }).strict()),
  exportCsv: method<Download>().takes(csvExport),
  /** Saves the report on screen as a PDF (desktop app); null when the user cancelled the save dialog. */
  saveReportPdf: method<{ path: string } | null>().takes(z.object({ fileName: z.string().min(1).max(200) }).strict()),
} as const;
