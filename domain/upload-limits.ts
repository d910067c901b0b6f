/**
 * How large a file each upload form takes. Every Excel, CSV and boundary upload posts to a server
 * action, whose whole body Next.js and the front server take up to ACTION_BODY_LIMIT_BYTES
 * (next.config.ts, serverActions.bodySizeLimit; a larger body is refused with 413 before any form
 * can say why). Each form's own limit therefore stays under it with room for the form's other
 * fields, so that a file over the limit gets the form's message next to the field, in Chinese,
 * with JavaScript (before it is sent) and without (from the action).
 * tests/unit/upload-limits.test.ts checks these against next.config.ts.
 */
export const MB = 1024 * 1024;

/** next.config.ts `serverActions.bodySizeLimit`, in bytes. */
export const ACTION_BODY_LIMIT_BYTES = 4 * MB;

/** The largest file any action upload may allow: the rest of the body is the form's other fields. */
export const ACTION_FILE_MAX_BYTES = ACTION_BODY_LIMIT_BYTES - MB / 2;

/** A district's filled month template (figures and projects). */
export const FIGURES_UPLOAD_MAX_BYTES = 2 * MB;

/** The city's target sheet. */
export const TARGETS_UPLOAD_MAX_BYTES = 2 * MB;

/** The city's key-project list. */
export const PROJECTS_UPLOAD_MAX_BYTES = 3 * MB;

/** A size as the forms write it: "1.5 MB". */
export const formatMb = (bytes: number): string => `${(bytes / MB).toFixed(1).replace(/\.0$/, "")} MB`;

/** The message for a file over a form's limit (the same with JavaScript and without). */
export const fileTooBig = (size: number, max: number): string => `文件大小 ${formatMb(size)}，超过上限 ${formatMb(max)}，未上传`;
