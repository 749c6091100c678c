/** A setting the operator has to fix: `npm start` and the other commands end with its one sentence, no stack trace. */
export class ConfigProblem extends Error {}
