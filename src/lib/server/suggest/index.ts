import type { Evaluation } from '$lib/domain/suggest/evaluation';
import report from './bundled-report.json';

/**
 * The cross-validated figures for /method/suggestions, made from the bundled data ahead of time
 * (tests/unit/suggest-report.test.ts remakes and checks them): ten trainings would cost seconds
 * of CPU at run time for figures that only change when the data or the model does.
 */
export const bundledSuggestionReport: Evaluation = report as Evaluation;
