// Static replay of apt's install marking (pkgDepCache::MarkInstall in apt 2.6) over the
// package table: which packages `apt-get install` adds on top of the baseline image.
//
// What apt does and this mirrors:
// - all requested packages are marked first, then each one's dependencies are resolved in
//   command-line order, depth first (a requested package reached earlier as a dependency
//   is resolved right there);
// - relations are visited Pre-Depends, Depends, then Recommends (when enabled), group by
//   group; a group already satisfied by an installed or marked package (or a provider of
//   the name) is skipped;
// - otherwise the alternatives are tried in order, each as the real package first, then
//   its providers in CompareProviders order; the first one that can be installed wins;
// - a package can be installed when every Pre-Depends/Depends group has some candidate
//   (IsInstallOkDependenciesSatisfiableByCandidates); if one of its critical groups cannot
//   be satisfied while resolving, it is unmarked again (its own new dependencies stay);
// - Recommends of every newly installed package are followed (APT::Install-Recommends).
// - a package being marked un-marks the new packages it Conflicts with or Breaks.
// Version constraints were evaluated against the newest versions when the table was built
// (see AptRelation), so none are compared here. Conflicts with baseline packages (apt
// would remove them) are not modelled.

import type { AptRelation, AptTable } from './table';

const enum Mark {
  None = 0,
  Installed = 1, // part of the baseline image
  Requested = 2, // marked from the command line, dependencies not resolved yet
  New = 3, // marked and resolved (or being resolved)
}

export class AptResolver {
  private readonly marks: Uint8Array;
  private readonly order: number[] = [];

  /**
   * `scratch` (packageCount bytes) is overwritten and used for the marks instead of a
   * fresh copy of the baseline: a copy is a 64 KB buffer outside the JS heap per estimate,
   * which the server's allocator kept resident long after the estimates were collected.
   */
  constructor(private readonly table: AptTable, baseline: Uint8Array, private readonly recommends: boolean, scratch?: Uint8Array) {
    if (scratch && scratch.length === baseline.length) {
      scratch.set(baseline);
      this.marks = scratch;
    } else this.marks = baseline.slice();
  }

  /** Packages that are installed in the baseline or already marked. */
  has(ref: number): boolean {
    return ref < this.table.packageCount && this.marks[ref] !== Mark.None;
  }

  /** New packages, in the order they were first marked. */
  added(): number[] {
    return [...new Set(this.order)].filter((r) => this.marks[r] === Mark.New);
  }

  install(refs: readonly number[]): void {
    for (const r of refs) {
      if (this.marks[r] === Mark.None) {
        this.marks[r] = Mark.Requested;
        this.order.push(r);
      }
    }
    for (const r of refs) if (this.marks[r] === Mark.Requested) this.markInstall(r, true);
  }

  private satisfied(alt: number): boolean {
    if (alt < 0) return this.has(~alt);
    if (this.has(alt)) return true;
    for (const p of this.table.providers(alt)) if (this.has(p)) return true;
    return false;
  }

  private groupSatisfied(group: readonly number[]): boolean {
    for (const alt of group) if (this.satisfied(alt)) return true;
    return false;
  }

  private exists(alt: number): boolean {
    if (alt < 0) return ~alt < this.table.packageCount;
    return alt < this.table.packageCount || this.table.providers(alt).length > 0;
  }

  private installable(ref: number): boolean {
    return this.satisfiable(this.table.preDepends(ref)) && this.satisfiable(this.table.depends(ref));
  }

  private satisfiable(relation: AptRelation): boolean {
    for (const group of relation) {
      let some = false;
      for (const alt of group) {
        if (this.satisfied(alt) || this.exists(alt)) {
          some = true;
          break;
        }
      }
      if (!some) return false;
    }
    return true;
  }

  private markInstall(ref: number, fromUser: boolean): boolean {
    const mark = this.marks[ref];
    if (mark === Mark.Installed || mark === Mark.New) return true;
    if (!fromUser && !this.installable(ref)) return false;
    this.dropConflicting(ref);
    if (mark === Mark.None) this.order.push(ref);
    this.marks[ref] = Mark.New;
    const ok = this.resolveRelation(this.table.preDepends(ref), true) &&
      this.resolveRelation(this.table.depends(ref), true);
    if (!ok && !fromUser) {
      this.marks[ref] = mark;
      return false;
    }
    if (this.recommends) this.resolveRelation(this.table.recommends(ref), false);
    return true;
  }

  // apt un-marks new packages the one being installed conflicts with (or breaks) before
  // resolving its dependencies (MarkInstall_RemoveConflictsIfNotUpgradeable); whatever
  // those had pulled in stays marked.
  private dropConflicting(ref: number): void {
    for (const c of this.table.conflicts(ref)) {
      const target = c < 0 ? ~c : c;
      if (target !== ref && this.marks[target] === Mark.New) this.marks[target] = Mark.None;
      if (c < 0) continue;
      for (const p of this.table.providers(target)) if (p !== ref && this.marks[p] === Mark.New) this.marks[p] = Mark.None;
    }
  }

  private resolveRelation(relation: AptRelation, critical: boolean): boolean {
    for (const group of relation) {
      if (this.groupSatisfied(group)) continue;
      if (!this.resolveGroup(group) && critical) return false;
    }
    return true;
  }

  private resolveGroup(group: readonly number[]): boolean {
    for (const alt of group) {
      const ref = alt < 0 ? ~alt : alt;
      if (ref < this.table.packageCount && this.markInstall(ref, false)) return true;
      if (alt < 0) continue;
      for (const p of this.table.providers(ref)) if (this.markInstall(p, false)) return true;
    }
    return false;
  }
}
