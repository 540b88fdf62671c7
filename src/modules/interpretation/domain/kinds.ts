/**
 * The kinds of policy interpretation (政策解读) the plan (§三.5) asks for: every normative document
 * (行政规范性文件) interpreted with pictures or charts, and media interpretation, short Q&A, animation
 * and cases encouraged.
 */
export const INTERPRETATION_KINDS = ['text', 'graphic', 'qa', 'media', 'video', 'case'] as const;
export type InterpretationKind = (typeof INTERPRETATION_KINDS)[number];

/**
 * The kind that counts for the coverage indicator ("normative documents interpreted with pictures or
 * charts", target 100%): a 图解. A video or a text with a picture in it is welcome but is not counted,
 * so the figure means one thing: a graphic interpretation exists.
 */
export const COUNTED_KIND: InterpretationKind = 'graphic';
