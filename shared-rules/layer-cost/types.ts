import { Instruction } from '../model/types';

/** Where an estimate comes from; null means there is no number. */
export type CostBasis = 'apt' | 'context' | 'base-image' | null;

/** What the host measured for COPY/ADD sources in the build context (after .dockerignore). */
export interface ContextSize {
  bytes: number;
  files: number;
  /** The walk hit its limit: the real size is at least `bytes`. */
  truncated: boolean;
  /** Biggest top-level entries, e.g. node_modules. */
  top: { path: string; bytes: number }[];
  /** Whether a .dockerignore was applied. */
  dockerignore: boolean;
}

export interface AptCostDetail {
  kind: 'apt';
  /** Packages named on the command line. */
  requested: string[];
  /** Newly installed packages, largest first (capped). */
  top: { name: string; bytes: number }[];
  packageCount: number;
  unknown: string[];
  recommends: boolean;
  /** Bytes of the packages alone. */
  packageBytes: number;
  /** With --no-install-recommends, when recommends are on. */
  withoutRecommendsBytes?: number;
  /** `apt-get update` lists left in the layer. */
  listsBytes: number;
  /** Downloaded .debs left in /var/cache/apt/archives. */
  debCacheBytes: number;
  basis: string;
}

export interface ContextCostDetail {
  kind: 'context';
  sources: string[];
  files: number;
  truncated: boolean;
  top: { path: string; bytes: number }[];
  dockerignore: boolean;
}

export interface BaseCostDetail {
  kind: 'base-image';
  image: string;
  compressedBytes?: number;
  uncompressedBytes?: number;
  measuredOn?: string;
  approximate?: boolean;
  source?: string;
}

export interface UnknownCostDetail {
  kind: 'unknown';
  /** Why there is no number, and what is involved (pip packages, URLs…). */
  reason: string;
  items: string[];
}

export type CostDetail = AptCostDetail | ContextCostDetail | BaseCostDetail | UnknownCostDetail;

export interface InstructionCost {
  instruction: Instruction;
  createsLayer: boolean;
  bytes: number | null;
  basis: CostBasis;
  detail: CostDetail | undefined;
  /** What makes BuildKit re-run it. */
  cache: string;
}

export interface StageCost {
  stageIndex: number;
  name: string | undefined;
  base: string;
  /** On-disk (uncompressed) size of the base, when known; 0 for scratch. */
  baseBytes: number | null;
  baseDetail: BaseCostDetail | undefined;
  /** Whether this stage becomes the image (the final stage). */
  final: boolean;
  /** Whether its layers end up in the image (final stage or a stage it builds FROM). */
  shipped: boolean;
  instructions: InstructionCost[];
  /** Base (when known) plus every layer with an estimate. */
  totalBytes: number;
  /** False when the base size or some layer's size is unknown. */
  complete: boolean;
}

export interface LayerCosts {
  /** Every stage's total: computes every instruction of the file. */
  stages: StageCost[];
  /** One stage's total (undefined: no such stage), computing only it and the stages it builds FROM. */
  stage(stageIndex: number): StageCost | undefined;
  /** Total of the final stage including the stages it builds on. */
  imageBytes: number;
  imageComplete: boolean;
  forInstruction(index: number): InstructionCost | undefined;
  /** Whether the stage ends up in the image (undefined: no such stage), without computing any cost. */
  stageShipped(stageIndex: number): boolean | undefined;
}
