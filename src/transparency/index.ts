/**
 * Transparency and accountability (issue 7): letters to the resident,
 * the access export (AVG art. 15), the processing register and DPIA annex generated from the policy
 * table, and anonymous evaluation statistics. Pure functions and services over the core's Store port.
 */
export * from './access-export';
export * from './deps';
export * from './document';
export * from './docx';
export * from './format';
export * from './labels';
export * from './letters';
export * from './privacy-docs';
export * from './profile';
export * from './statistics';
export * from './template';
