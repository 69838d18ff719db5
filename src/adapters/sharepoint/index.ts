/** The SharePoint store (production): lists, item permissions from the policy table, provisioning. */
export { SharePointStore } from './store';
export type { SharePointStoreOptions, StoreLogger } from './store';
export { provision } from './provision';
export type { ProvisionOptions, ProvisionReport } from './provision';
export { LISTS } from './schema';
export { ROLE_GROUPS, partnerGroupTitle, desiredPermissions, caseItems, readersOf } from './permissions';
export { ClientCertificateTokenProvider, StaticTokenProvider } from './token';
export type { TokenProvider, CertificateCredential } from './token';
