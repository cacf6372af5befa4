import { DockerfileModel } from '../model/types';

/**
 * A table per parsed model for results derived from it (keyed by stage or
 * instruction index): it goes away with the model, so reparsing on every
 * edit leaks nothing.
 */
export function perModelTable<V>(): (model: DockerfileModel) => Map<number, V> {
  const tables = new WeakMap<DockerfileModel, Map<number, V>>();
  return (model) => {
    let table = tables.get(model);
    if (!table) tables.set(model, (table = new Map()));
    return table;
  };
}
