import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationArguments } from 'class-validator';
import type { Type } from '@nestjs/common';

/** One property's rules: its @IsOptional-style conditions and its sync validators. */
interface PropertyPlan {
  name: string;
  conditions: ((object: object, value: unknown) => boolean)[];
  checks: { validate: (value: unknown, args: ValidationArguments) => unknown; constraints: unknown[] }[];
}

/** A query DTO whose rules can be checked without class-validator's executor, or null. */
type Plan = { properties: PropertyPlan[]; allowed: Set<string> } | null;

const plans = new Map<Type, Plan>();

/**
 * True when `entity` (a query DTO instance) passes every rule of its class — the same validators
 * with the same arguments class-validator would call, minus its per-call bookkeeping (grouping
 * metadata, error objects for each property). Only for classes whose rules are plain sync checks
 * on primitives (no nesting, `each`, groups or async constraints); false sends the caller to the
 * full ValidationPipe, which then also writes the 400's messages, so bad input answers exactly as
 * before. Mirrors the pipe's `whitelist` + `forbidNonWhitelisted`: an unknown key is never "valid".
 */
export function passesQueryRules(metatype: Type, entity: object): boolean {
  let plan = plans.get(metatype);
  if (plan === undefined) {
    plan = buildPlan(metatype);
    plans.set(metatype, plan);
  }
  if (!plan) return false;
  for (const key of Object.keys(entity)) if (!plan.allowed.has(key)) return false;
  const record = entity as Record<string, unknown>;
  for (const p of plan.properties) {
    const value = record[p.name];
    if (!p.conditions.every((condition) => condition(entity, value))) continue;
    for (const check of p.checks) {
      const args = {
        targetName: metatype.name,
        property: p.name,
        object: entity,
        value,
        constraints: check.constraints,
      };
      if (!check.validate(value, args)) return false;
    }
  }
  return true;
}

/** Whether the fast path applies to a class (exported for tests). */
export function hasQueryPlan(metatype: Type): boolean {
  if (!plans.has(metatype)) plans.set(metatype, buildPlan(metatype));
  return plans.get(metatype) !== null;
}

function buildPlan(metatype: Type): Plan {
  const storage = getMetadataStorage();
  // The same lookup the pipe's validate() makes (no groups, always: false, strictGroups: false).
  const metadatas = storage.getTargetValidationMetadatas(
    metatype,
    undefined as unknown as string,
    false,
    false,
    undefined,
  );
  if (metadatas.length === 0) return null;
  const byName = new Map<string, PropertyPlan>();
  for (const m of metadatas) {
    if (m.groups?.length || m.each) return null;
    let property = byName.get(m.propertyName);
    if (!property)
      byName.set(m.propertyName, (property = { name: m.propertyName, conditions: [], checks: [] }));
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      property.conditions.push(m.constraints[0] as PropertyPlan['conditions'][number]);
    } else if (m.type === ValidationTypes.CUSTOM_VALIDATION) {
      for (const constraint of storage.getTargetValidatorConstraints(m.constraintCls)) {
        if (constraint.async) return null;
        const instance = constraint.instance as { validate: PropertyPlan['checks'][number]['validate'] };
        property.checks.push({ validate: instance.validate.bind(instance), constraints: m.constraints });
      }
    } else if (m.type !== ValidationTypes.WHITELIST) {
      return null; // nested, promise, IS_DEFINED…: the full executor
    }
  }
  return { properties: [...byName.values()], allowed: new Set(byName.keys()) };
}
