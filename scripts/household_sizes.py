#!/usr/bin/env python3
"""Prints groups.*.household_size of the baseline from its rule (ASSUMPTION, docs/calibration.md).

Families of two or more persons have one shape for all groups; the share of single households is
set so that persons in households of two or more make up family_with_minors_share / (1 - amv_share)
of the first applicants who are not unaccompanied minors.
"""
FAMILY_SHAPE = {2: 0.30, 3: 0.22, 4: 0.22, 5: 0.14, 6: 0.07, 7: 0.03, 8: 0.02}
GROUPS = {  # family_with_minors_share, amv_share (scenarios/nl-baseline.yaml)
    "syria": (0.35, 0.08),
    "eritrea": (0.15, 0.50),
    "turkey": (0.30, 0.03),
    "other": (0.25, 0.10),
}


def household_sizes(in_families: float) -> list:
    mean_family = sum(k * p for k, p in FAMILY_SHAPE.items())
    # in_families = (1 - single) * mean_family / (single + (1 - single) * mean_family)
    single = mean_family * (1 - in_families) / (in_families + mean_family * (1 - in_families))
    shares = [round(single, 3)] + [round((1 - single) * FAMILY_SHAPE[k], 3) for k in range(2, 9)]
    shares[0] = round(shares[0] + 1 - sum(shares), 3)
    return shares


if __name__ == "__main__":
    for name, (with_minors, amv) in GROUPS.items():
        print(f"{name}: household_size: {household_sizes(with_minors / (1 - amv))}")
