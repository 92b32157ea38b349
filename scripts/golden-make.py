#!/usr/bin/env python3
"""Writes golden trajectories in the `optim-golden/1` format (shared/golden/FORMAT.md) with torch.optim.

Run with Debian's torch (python3-torch, 1.13): /usr/bin/python3 scripts/golden-make.py [OUT_DIR]
  OUT_DIR defaults to test/fixtures/golden. Writes torch-sgd.json, torch-adaptive.json, torch-adam.json,
  torch-functions.json and torch-schedules.json: every optimizer and option of FORMAT.md, every test
  function and every scheduler.
  --nadam OUT_FILE: only NAdam cases (run under torch 2.x for test/fixtures/golden-torch2/torch2-nadam.json:
  torch 2.0 changed NAdam's mu_product_next; every other optimizer agrees with 1.13 to 1e-10).
  --random N --seed S [OUT_FILE]: instead, N random cases (optimizer, options, function, start) and a
  few random schedules, for a wider check than the committed fixtures (`npx tsx scripts/golden.ts OUT_FILE`).

Everything runs in float64 (torch.set_default_dtype(torch.float64): NAdam keeps mu_product in the
default dtype, so float32 defaults move its trajectories by about 1e-10). The loss of each step is
f at the point where the gradient was taken; the trajectory starts with x0.
"""
import json
import math
import random
import sys

import torch

torch.set_default_dtype(torch.float64)

Q3 = [[4.0, 1.0, 2.0], [1.0, 9.0, 3.0], [2.0, 3.0, 16.0]]
C3 = [1.0, -2.0, 0.5]


def quadratic3(x):
    q = torch.tensor(Q3)
    c = torch.tensor(C3)
    return 0.5 * x @ (q @ x) + c @ x


FUNCTIONS = {
    "square": (lambda x: (x * x).sum(), None),
    "square20": (lambda x: 20 * (x * x).sum(), None),
    "quartic": (lambda x: (x**4 - 3 * x**2 + x).sum(), None),
    "d2l_quadratic": (lambda x: 0.1 * x[0] ** 2 + 2 * x[1] ** 2, 2),
    "rotated_quadratic": (lambda x: 0.1 * (x[0] + x[1]) ** 2 + 2 * (x[0] - x[1]) ** 2, 2),
    "saddle": (lambda x: x[0] ** 2 - x[1] ** 2, 2),
    "rosenbrock": (lambda x: (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2, 2),
    "beale": (
        lambda x: (1.5 - x[0] + x[0] * x[1]) ** 2
        + (2.25 - x[0] + x[0] * x[1] ** 2) ** 2
        + (2.625 - x[0] + x[0] * x[1] ** 3) ** 2,
        2,
    ),
    "himmelblau": (lambda x: (x[0] ** 2 + x[1] - 11) ** 2 + (x[0] + x[1] ** 2 - 7) ** 2, 2),
    "quadratic3": (quadratic3, 3),
}

OPTIMIZERS = {
    "SGD": torch.optim.SGD,
    "Adagrad": torch.optim.Adagrad,
    "RMSprop": torch.optim.RMSprop,
    "Adadelta": torch.optim.Adadelta,
    "Adam": torch.optim.Adam,
    "AdamW": torch.optim.AdamW,
    "Adamax": torch.optim.Adamax,
    "NAdam": torch.optim.NAdam,
    "RAdam": torch.optim.RAdam,
}

SCHEDULERS = {
    "StepLR": torch.optim.lr_scheduler.StepLR,
    "ExponentialLR": torch.optim.lr_scheduler.ExponentialLR,
    "MultiStepLR": torch.optim.lr_scheduler.MultiStepLR,
    "CosineAnnealingLR": torch.optim.lr_scheduler.CosineAnnealingLR,
    "LinearLR": torch.optim.lr_scheduler.LinearLR,
}


def case(id, optimizer, options, function, x0, steps):
    f, dim = FUNCTIONS[function]
    assert dim is None or dim == len(x0), (id, function, x0)
    x = torch.tensor([float(v) for v in x0], requires_grad=True)
    opt = OPTIMIZERS[optimizer]([x], **{k: tuple(v) if k == "betas" else v for k, v in options.items()})
    loss, trajectory = [], [x.tolist()]
    for _ in range(steps):
        opt.zero_grad()
        value = f(x)
        value.backward()
        loss.append(value.item())
        opt.step()
        trajectory.append(x.tolist())
    values = loss + [v for p in trajectory for v in p]
    if not all(math.isfinite(v) for v in values):
        raise ValueError(f"case {id} leaves the finite numbers; shorten it")
    return {
        "id": id,
        "optimizer": optimizer,
        "options": options,
        "function": function,
        "x0": [float(v) for v in x0],
        "steps": steps,
        "loss": loss,
        "trajectory": trajectory,
    }


def schedule(id, scheduler, lr, options, steps):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr)
    sched = SCHEDULERS[scheduler](opt, **options)
    lrs = []
    for _ in range(steps):
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return {"id": id, "scheduler": scheduler, "lr": lr, "options": options, "steps": steps, "lrs": lrs}


def document(cases=(), schedules=()):
    return {
        "format": "optim-golden/1",
        "reference": f"torch.optim {torch.__version__} float64",
        "cases": list(cases),
        "schedules": list(schedules),
    }


def sgd_cases():
    return [
        case("sgd-square-3d", "SGD", {"lr": 0.1}, "square", [1.0, -2.0, 3.0], 30),
        case("sgd-maximize-saddle", "SGD", {"lr": 0.05, "maximize": True}, "saddle", [0.1, 0.2], 20),
        case("sgd-wd", "SGD", {"lr": 0.01, "weight_decay": 0.1}, "himmelblau", [1.0, 1.0], 60),
        case("sgd-momentum-quartic", "SGD", {"lr": 0.01, "momentum": 0.9}, "quartic", [2.0, -0.5], 80),
        case("sgd-dampening", "SGD", {"lr": 0.02, "momentum": 0.8, "dampening": 0.5}, "rotated_quadratic", [3.0, 1.0], 60),
        case("sgd-nesterov-d2l", "SGD", {"lr": 0.1, "momentum": 0.5, "nesterov": True}, "d2l_quadratic", [-5.0, -2.0], 40),
        case(
            "sgd-nesterov-wd-maximize",
            "SGD",
            {"lr": 0.01, "momentum": 0.9, "nesterov": True, "weight_decay": 0.05, "maximize": True},
            "saddle",
            [0.3, 0.4],
            30,
        ),
        case(
            "sgd-all-momentum",
            "SGD",
            {"lr": 0.03, "momentum": 0.7, "dampening": 0.2, "weight_decay": 0.02, "maximize": False},
            "quadratic3",
            [1.0, -1.0, 2.0],
            50,
        ),
        case("sgd-square20-small-lr", "SGD", {"lr": 0.02}, "square20", [2.0, -1.0], 25),
    ]


def adaptive_cases():
    return [
        case("adagrad-maximize", "Adagrad", {"lr": 0.1, "maximize": True}, "saddle", [0.5, 0.5], 40),
        case("adagrad-wd-eps", "Adagrad", {"lr": 0.3, "weight_decay": 0.01, "eps": 1e-6}, "himmelblau", [0.0, 0.0], 100),
        case("adagrad-lrdecay", "Adagrad", {"lr": 1.0, "lr_decay": 0.1}, "quartic", [-2.0, 2.0, 0.3], 60),
        case("adagrad-init-acc", "Adagrad", {"lr": 0.5, "initial_accumulator_value": 1.0}, "quadratic3", [1.0, 1.0, 1.0], 60),
        case("rmsprop-default", "RMSprop", {"lr": 0.01}, "rosenbrock", [-1.5, 2.0], 150),
        case("rmsprop-centered", "RMSprop", {"lr": 0.01, "centered": True}, "beale", [1.0, 1.0], 120),
        case("rmsprop-momentum", "RMSprop", {"lr": 0.005, "momentum": 0.8, "alpha": 0.9}, "himmelblau", [-1.0, 1.0], 100),
        case(
            "rmsprop-wd-maximize",
            "RMSprop",
            {"lr": 0.01, "weight_decay": 0.1, "maximize": True, "eps": 1e-6},
            "saddle",
            [0.2, -0.3],
            50,
        ),
        case(
            "rmsprop-everything",
            "RMSprop",
            {"lr": 0.01, "alpha": 0.95, "eps": 1e-7, "weight_decay": 0.01, "momentum": 0.5, "centered": True},
            "quadratic3",
            [2.0, -1.0, 1.0],
            80,
        ),
        case("adadelta-default", "Adadelta", {}, "rosenbrock", [-1.0, 1.0], 100),
        case("adadelta-rho-eps", "Adadelta", {"lr": 0.5, "rho": 0.95, "eps": 1e-4}, "quartic", [1.5, -1.5], 100),
        case(
            "adadelta-wd-maximize",
            "Adadelta",
            {"lr": 2.0, "weight_decay": 0.05, "maximize": True},
            "saddle",
            [0.1, 0.1],
            60,
        ),
    ]


def adam_cases():
    return [
        case("adam-default-square", "Adam", {}, "square", [1.0, -3.0], 50),
        case("adam-betas-eps", "Adam", {"lr": 0.05, "betas": [0.5, 0.9], "eps": 1e-4}, "beale", [1.0, 1.5], 110),
        case("adam-wd", "Adam", {"lr": 0.02, "weight_decay": 0.1}, "himmelblau", [0.0, 0.0], 120),
        case(
            "adam-amsgrad-wd-maximize",
            "Adam",
            {"lr": 0.01, "amsgrad": True, "weight_decay": 0.01, "maximize": True},
            "saddle",
            [0.5, -0.5],
            60,
        ),
        case("adamw-default", "AdamW", {"lr": 0.02}, "rosenbrock", [-1.5, 2.0], 200),
        case("adamw-amsgrad", "AdamW", {"lr": 0.05, "amsgrad": True, "weight_decay": 0.5}, "quartic", [-2.0, 0.5, 2.0], 80),
        case("adamw-maximize", "AdamW", {"lr": 0.01, "maximize": True, "betas": [0.8, 0.95]}, "saddle", [1.0, 0.5], 40),
        case("adamax-default", "Adamax", {}, "quadratic3", [1.0, 2.0, -1.0], 100),
        case("adamax-betas-wd", "Adamax", {"lr": 0.05, "betas": [0.8, 0.99], "weight_decay": 0.1, "eps": 1e-6}, "beale", [2.0, 0.0], 100),
        case("nadam-default", "NAdam", {}, "himmelblau", [1.0, 1.0], 100),
        case(
            "nadam-options",
            "NAdam",
            {"lr": 0.05, "betas": [0.85, 0.99], "eps": 1e-6, "weight_decay": 0.01, "momentum_decay": 0.01},
            "rosenbrock",
            [-1.0, 1.5],
            150,
        ),
        case("radam-default", "RAdam", {"lr": 0.05}, "beale", [1.0, 1.0], 100),
        case("radam-short-horizon", "RAdam", {"lr": 0.05, "betas": [0.9, 0.9], "eps": 1e-6, "weight_decay": 0.01}, "rotated_quadratic", [3.0, 1.0], 60),
    ]


def function_cases():
    starts = {
        "square": [[5.0], [1.0, -2.0, 0.5, 4.0]],
        "square20": [[0.3, -0.2]],
        "quartic": [[-0.5], [1.8, -1.8]],
        "d2l_quadratic": [[-5.0, -2.0]],
        "rotated_quadratic": [[3.0, 1.0]],
        "saddle": [[1.0, 0.01]],
        "rosenbrock": [[0.0, 0.0]],
        "beale": [[-1.0, 2.0]],
        "himmelblau": [[-4.0, 4.0], [4.0, -4.0]],
        "quadratic3": [[0.0, 0.0, 0.0]],
    }
    out = []
    for name, points in starts.items():
        for k, x0 in enumerate(points):
            out.append(case(f"{name}-{k}-sgd", "SGD", {"lr": 0.001, "momentum": 0.9}, name, x0, 25))
            out.append(case(f"{name}-{k}-adam", "Adam", {"lr": 0.05}, name, x0, 25))
            out.append(case(f"{name}-{k}-rmsprop", "RMSprop", {"lr": 0.01, "alpha": 0.9}, name, x0, 25))
    return out


def schedules():
    return [
        schedule("step-default", "StepLR", 0.1, {"step_size": 3}, 20),
        schedule("step-gamma", "StepLR", 1.0, {"step_size": 7, "gamma": 0.3}, 40),
        schedule("exp-slow", "ExponentialLR", 0.05, {"gamma": 0.99}, 100),
        schedule("exp-fast", "ExponentialLR", 1.0, {"gamma": 0.5}, 30),
        schedule("multistep-default", "MultiStepLR", 0.3, {"milestones": [2, 4, 9]}, 20),
        schedule("multistep-repeat", "MultiStepLR", 0.1, {"milestones": [5, 5, 12], "gamma": 0.5}, 20),
        schedule("cosine-default", "CosineAnnealingLR", 0.1, {"T_max": 10}, 35),
        schedule("cosine-eta-min", "CosineAnnealingLR", 0.5, {"T_max": 7, "eta_min": 0.01}, 50),
        schedule("linear-default", "LinearLR", 0.1, {}, 10),
        schedule("linear-warmup", "LinearLR", 0.2, {"start_factor": 0.1, "end_factor": 1.0, "total_iters": 8}, 15),
        schedule("linear-decay", "LinearLR", 0.2, {"start_factor": 1.0, "end_factor": 0.05, "total_iters": 12}, 20),
    ]


def random_document(n, seed):
    rng = random.Random(seed)
    option_space = {
        "SGD": lambda: {
            "lr": rng.choice([0.001, 0.005, 0.01]),
            **rng.choice([{}, {"momentum": rng.choice([0.5, 0.9])}, {"momentum": 0.9, "nesterov": True},
                          {"momentum": 0.8, "dampening": rng.choice([0.1, 0.5])}]),
            **({"weight_decay": 0.01} if rng.random() < 0.3 else {}),
            **({"maximize": True} if rng.random() < 0.15 else {}),
        },
        "Adagrad": lambda: {
            "lr": rng.choice([0.05, 0.1, 0.3]),
            **({"lr_decay": 0.01} if rng.random() < 0.4 else {}),
            **({"initial_accumulator_value": 0.1} if rng.random() < 0.4 else {}),
            **({"weight_decay": 0.01} if rng.random() < 0.3 else {}),
            **({"eps": 1e-8} if rng.random() < 0.3 else {}),
            **({"maximize": True} if rng.random() < 0.15 else {}),
        },
        "RMSprop": lambda: {
            "lr": rng.choice([0.001, 0.005, 0.01]),
            **({"alpha": 0.9} if rng.random() < 0.5 else {}),
            **({"momentum": 0.5} if rng.random() < 0.4 else {}),
            **({"centered": True} if rng.random() < 0.4 else {}),
            **({"weight_decay": 0.01} if rng.random() < 0.3 else {}),
            **({"maximize": True} if rng.random() < 0.15 else {}),
        },
        "Adadelta": lambda: {
            "lr": rng.choice([0.5, 1.0, 2.0]),
            **({"rho": 0.95} if rng.random() < 0.5 else {}),
            **({"weight_decay": 0.01} if rng.random() < 0.3 else {}),
            **({"maximize": True} if rng.random() < 0.15 else {}),
        },
        "Adam": lambda: adam_like(rng, True),
        "AdamW": lambda: adam_like(rng, True),
        "Adamax": lambda: {**adam_like(rng, False), **({"maximize": True} if rng.random() < 0.15 else {})},
        "NAdam": lambda: {**adam_like(rng, False), **({"momentum_decay": 0.01} if rng.random() < 0.4 else {})},
        "RAdam": lambda: adam_like(rng, False),
    }
    cases = []
    for i in range(n):
        optimizer = rng.choice(list(OPTIMIZERS))
        function = rng.choice(list(FUNCTIONS))
        dim = FUNCTIONS[function][1] or rng.choice([1, 2, 3])
        x0 = [round(rng.uniform(-2, 2), 3) for _ in range(dim)]
        try:
            cases.append(case(f"random-{i}", optimizer, option_space[optimizer](), function, x0, rng.choice([10, 30, 60])))
        except ValueError:
            pass
    scheds = [
        schedule("random-step", "StepLR", 0.1, {"step_size": rng.randint(1, 9), "gamma": rng.choice([0.1, 0.5])}, 30),
        schedule("random-exp", "ExponentialLR", 0.1, {"gamma": rng.choice([0.9, 0.95])}, 30),
        schedule("random-cos", "CosineAnnealingLR", 0.1, {"T_max": rng.randint(3, 15), "eta_min": 0.001}, 40),
        schedule("random-linear", "LinearLR", 0.1, {"start_factor": 0.25, "total_iters": rng.randint(2, 10)}, 20),
        schedule("random-multistep", "MultiStepLR", 0.1, {"milestones": sorted(rng.sample(range(1, 30), 3))}, 30),
    ]
    return document(cases, scheds)


def adam_like(rng, amsgrad_and_maximize):
    options = {"lr": rng.choice([0.01, 0.02, 0.05])}
    if rng.random() < 0.4:
        options["betas"] = [rng.choice([0.8, 0.9]), rng.choice([0.99, 0.999])]
    if rng.random() < 0.3:
        options["eps"] = 1e-6
    if rng.random() < 0.3:
        options["weight_decay"] = 0.01
    if amsgrad_and_maximize and rng.random() < 0.3:
        options["amsgrad"] = True
    if amsgrad_and_maximize and rng.random() < 0.15:
        options["maximize"] = True
    return options


def nadam_cases():
    return [c for c in adam_cases() if c["optimizer"] == "NAdam"] + [
        case("nadam-quadratic3", "NAdam", {"lr": 0.05, "betas": [0.8, 0.9]}, "quadratic3", [1.0, -1.0, 2.0], 80),
        case("nadam-square", "NAdam", {"lr": 0.1, "momentum_decay": 0.1}, "square", [3.0, -2.0], 60),
    ]


def write(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {len(doc['cases'])} cases, {len(doc['schedules'])} schedules")


def main(argv):
    if argv and argv[0] == "--random":
        n = int(argv[1])
        seed = int(argv[3]) if len(argv) > 3 and argv[2] == "--seed" else 0
        out = argv[4] if len(argv) > 4 else f"/tmp/golden-random-{seed}.json"
        write(out, random_document(n, seed))
        return
    if argv and argv[0] == "--nadam":
        write(argv[1], document(nadam_cases()))
        return
    out_dir = argv[0] if argv else "test/fixtures/golden"
    write(f"{out_dir}/torch-sgd.json", document(sgd_cases()))
    write(f"{out_dir}/torch-adaptive.json", document(adaptive_cases()))
    write(f"{out_dir}/torch-adam.json", document(adam_cases()))
    write(f"{out_dir}/torch-functions.json", document(function_cases()))
    write(f"{out_dir}/torch-schedules.json", document((), schedules()))


if __name__ == "__main__":
    main(sys.argv[1:])
