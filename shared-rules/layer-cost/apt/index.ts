export { decodeAptTable, APT_TABLE_FORMAT } from './table';
export type { AptTable, AptTableMeta, AptRelation, AptSourceInfo, AptListsMeasurement } from './table';
export { estimateAptInstall, summarizeAptInstall, aptTableBasis } from './estimate';
export type { AptEstimate, AptEstimateSummary, AptInstallRequest } from './estimate';
export { parseAptRequest } from './request';
export type { ParsedAptRequest } from './request';
export { AptResolver } from './resolve';
