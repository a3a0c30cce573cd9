# Pointlearn: the two commands are `make run` and `make test` (see README.md).

MVN  ?= mvn -B

.PHONY: mri-general-b32 all setup build run test stress engine-info clean eval first-click first-click-choice compare-models bench results train-brain-mri train-fundus-disc train-ablation train-mri-ablations train-mri-general score-mri-general train-mri-lodo colin27-domain volume

all: build

## Install Debian packages and register Debian jars in the local Maven repository (idempotent).
setup:
	scripts/setup

## Build the application into application/target/pointlearn.
build: setup
	$(MVN) -q install -DskipTests

## Start the workstation (needs a display; the script says how to run without one).
run: build
	scripts/run

## Every unit test plus the GUI tests, under a virtual X display (scripts/test: the log goes to
## target/test.log and a failure ends with the failing tests by name).
test: setup
	scripts/test

## The tests that train or adapt, many times in fresh JVMs under each CPU capability (RUNS=30).
RUNS ?= 30
stress: build
	scripts/stress-tests $(RUNS)

SHARED ?= ../shared/data

## The evaluation protocol: make eval DATA=<domain folder> MODEL=<model folder> POLICY=frozen OUT=<folder>
## [ORDERS=3: also 2 seeded random orders, means reported] [SOURCE=<source domain folder>[,...]: forgetting check, on several domains as the mean of the domains]
## [SET=name=value,...: adaptation settings for experiments] [RESUME=true: a stopped run with the same
## arguments and OUT goes on from its last finished policy and order]
POLICY ?= frozen
SUBSET ?= all
ORDERS ?= 1
eval: build
	@test -n "$(DATA)" -a -n "$(MODEL)" -a -n "$(OUT)" || { echo "usage: make eval DATA=<domain folder> MODEL=<model folder> OUT=<folder> [POLICY=frozen|post|mid|post+mid|method|nogauss|tent|iasa|paper|paper-nogauss|paper-post|paper-mid|all] [SUBSET=validation] [ORDERS=3] [SOURCE=<source domain folder>[,...]] [SET=name=value,...] [CARD=focus.policy=zoom,...] [PRESS_S=true] [RESUME=true]"; exit 2; }
	scripts/evaluation org.pointlearn.evaluation.cli.EvaluateCommand --data $(DATA) --model $(MODEL) --policy $(POLICY) --out $(OUT) --subset $(SUBSET) --orders $(ORDERS) $(if $(SOURCE),--source $(SOURCE)) $(if $(SET),--set $(SET)) $(if $(CARD),--card $(CARD)) $(if $(PRESS_S),--press-s $(PRESS_S)) $(if $(RESUME),--resume $(RESUME))

## An unseen MRI anatomy to evaluate on: deep grey structures of the Colin27 brain from the AAL
## atlas drawn on it (Debian's mricron-data), every 3rd axial slice -> target/colin27-deep-grey
TEMPLATES = /usr/share/mricron/templates
colin27-domain: build
	scripts/evaluation org.pointlearn.evaluation.cli.AtlasDomainCommand --image $(TEMPLATES)/ch2.nii.gz \
	  --labels $(TEMPLATES)/aal.nii.gz --names $(TEMPLATES)/aal.nii.txt \
	  --select Caudate,Putamen,Pallidum,Thalamus,Hippocampus,Amygdala --every 3 --min-area 40 --out target/colin27-deep-grey
## What one click gives, looked at in several ways (CARDS: card specs separated by ';', an empty one
## the card as it is): mean Dice@1 on mri-general's five validation splits, both MS sets and colin27,
## and of the best way per image -> runs/first-click.md (docs/interaction.md, "A square below focus.minSide")
CARDS ?= ;focus.minSide=0.04,focus.firstSide=0.05,focus.wideSide=0;focus.firstSide=0.12,focus.wideSide=0;focus.firstSide=0.35,focus.wideSide=0
first-click: build
	test -d target/colin27-deep-grey || $(MAKE) colin27-domain
	mkdir -p runs
	scripts/evaluation org.pointlearn.evaluation.cli.FirstClickCommand --model $(or $(MODEL),models/mri-general) \
	  --data $(MRI_MIX),$(SHARED)/brain-ms-t1,$(SHARED)/brain-ms-flair,target/colin27-deep-grey --cards '$(CARDS)' --out runs/first-click.md
## A first-click square chosen by a rule learned on the training images (docs/interaction.md, "A learned
## choice of the first square"): per-image rows of both splits, then the fit -> runs/first-click-choice.md
first-click-choice: build
	test -d target/colin27-deep-grey || $(MAKE) colin27-domain
	mkdir -p runs
	scripts/evaluation org.pointlearn.evaluation.cli.FirstClickCommand --model $(or $(MODEL),models/mri-general) \
	  --data $(MRI_MIX) --cards '$(CARDS)' --split train --rows runs/first-click-train.csv
	scripts/evaluation org.pointlearn.evaluation.cli.FirstClickCommand --model $(or $(MODEL),models/mri-general) \
	  --data $(MRI_MIX),$(SHARED)/brain-ms-t1,$(SHARED)/brain-ms-flair,target/colin27-deep-grey --cards '$(CARDS)' \
	  --rows runs/first-click-judged.csv
	scripts/first-click-choice runs/first-click-train.csv runs/first-click-judged.csv | tee runs/first-click-choice.md
## Models side by side, frozen, 20 clicks, with and without S, on the eight MRI sets (the five validation
## splits, both MS sets, colin27) -> runs/compare/compare.md. MODELS='<label>=<model folder> ...'
compare-models: build
	test -d target/colin27-deep-grey || $(MAKE) colin27-domain
	SHARED_DATA=$(SHARED) scripts/compare-models runs/compare $(or $(MODELS),shipped=models/mri-general)
## The volume protocol: the simulated user annotates the same deep grey structures slice by slice
## through the Colin27 volume, each next slice starting empty or from its accepted neighbour
## (propagation none/mask/seed/seed-only), frozen and adapting -> runs/volume (totals.csv, volume.csv)
VOLUME_POLICY ?= frozen,method
VOLUME_PROPAGATION ?= none,mask,seed,seed-only
volume: build
	scripts/evaluation org.pointlearn.evaluation.cli.VolumeCommand --image $(TEMPLATES)/ch2.nii.gz \
	  --labels $(TEMPLATES)/aal.nii.gz --names $(TEMPLATES)/aal.nii.txt \
	  --select Caudate,Putamen,Pallidum,Thalamus,Hippocampus,Amygdala --model $(or $(MODEL),models/mri-general) \
	  --policy $(VOLUME_POLICY) --propagation $(VOLUME_PROPAGATION) --out $(or $(OUT),runs/volume)
## Which PyTorch libraries and devices the engine uses (POINTLEARN_TORCH_DIR=<folder> to try your own).
engine-info: build
	scripts/engine-info

## Benchmarks -> docs/bench.md: interactive latencies (medians of 30 runs), then DICOM
## import/open/retrieve next to dcmtk in the same run (starts its own Orthanc), then the viewer
## through its real window under Xvfb (ViewerBench: Robot clicks, screen captures, event-thread watchdog).
BENCH_MODEL ?= models/mri-general
bench: build
	scripts/evaluation org.pointlearn.evaluation.cli.BenchCommand --model $(BENCH_MODEL) --out docs/bench.md --runs 30
	{ echo; echo "## DICOM (scripts/dicom-bench, medians, next to dcmtk)"; echo; scripts/dicom-bench; } >> docs/bench.md
	xvfb-run -a -s "-screen 0 1280x1024x24" mvn -o -q -B surefire:test -pl modules/viewer -Dtest=ViewerBench \
	  -Dbench.out=$(CURDIR)/docs/bench.md -Dbench.model=$(CURDIR)/$(BENCH_MODEL)

## docs/results.md: mri-general on every domain and every policy with it on the shifted domains over
## ORDERS=3 orders with the forgetting check, the other models, the ablations (about 8 hours on 2 cores,
## so several sittings: the runs are kept in results/, committed, and a stopped one goes on where it
## stopped; a run that finished with the same arguments, model card and weights is kept).
## RERUN=<run>,... or FRESH=1 measure again.
results: build
	scripts/results $(SHARED)

## Base-model training (about an hour each on 2 cores); the results are committed in models/.
TRAIN = scripts/evaluation org.pointlearn.evaluation.training.TrainCommand
train-brain-mri: build
	$(TRAIN) --data $(SHARED)/brain-mets-t2w --out models/brain-mri --epochs 40 --until 33 --steps 25 --minutes 120 \
	  --focus zoom --size 128 $(ARGS) \
	  --description "Brain lesion on axial MRI slices (trained on metastases, T2-weighted), focus crops on a 128 px grid"
train-fundus-disc: build
	$(TRAIN) --data $(SHARED)/fundus-idrid --out models/fundus-disc --epochs 15 --steps 25 --minutes 18 $(ARGS) \
	  --description "Optic disc on colour fundus photographs"
## The base-32 mri-general shipped until 2026-12-07, taken from the commit that shipped it (its weights are
## not kept in the tree) -> target/mri-general-b32, e.g. for make compare-models MODELS='... b32=target/mri-general-b32'
mri-general-b32:
	mkdir -p target/mri-general-b32
	git show b45cf48:models/mri-general/model.params > target/mri-general-b32/model.params
	git show b45cf48:models/mri-general/model.json > target/mri-general-b32/model.json
## The class-agnostic MRI model: every train-mri domain and brain-mets-t2w, half the examples pseudo-objects,
## focus crops. scripts/train-mri-general runs its recipe stage by stage (hours on 2 cores); stopped, it goes
## on from its checkpoint when started again. OUT=<folder> trains elsewhere than models/mri-general;
## ARGS='--base 32' adds options to every stage (here: the wider network shipped until 2026-12-07;
## docs/interaction.md, "Capacity").
MRI_MIX = $(SHARED)/brain-mets-t2w,$(SHARED)/train-mri/brain-brisc-tumour,$(SHARED)/train-mri/spine-spider-t2,$(SHARED)/train-mri/kidney-t2,$(SHARED)/train-mri/heart-hvsmr2
MRI_GROUPS = spine-spider-t2=^([0-9]+)_,heart-hvsmr2=^([0-9]+)_,kidney-t2=([0-9]{6})_[0-9]+$$
train-mri-general: build
	SHARED_DATA=$(SHARED) scripts/train-mri-general $(or $(OUT),models/mri-general) $(ARGS)
## Scores a model of this recipe (default the shipped one; MODEL=<folder>, e.g. a checkpoint) on the
## validation split and writes the scores into its card: the README's validation table. CARD=focus.firstSide=0.2
## sets the card's focus or edit rules first and keeps them (as make eval's CARD, which only tries them).
score-mri-general: build
	scripts/evaluation org.pointlearn.evaluation.training.ScoreCommand --data $(MRI_MIX) --groups '$(MRI_GROUPS)' \
	  --out $(or $(MODEL),models/mri-general) $(if $(CARD),--card '$(CARD)')
## Leave one domain out: the same recipe without DOMAIN (a folder name of MRI_MIX) at a reduced
## budget, then frozen on all of DOMAIN, which it never saw: how the model does on unseen anatomy.
LODO_EPOCHS ?= 15
# The reduced budget the leave-one-domain-out runs and the same-budget ablation share
REDUCED_BUDGET = --size 128 --base 32 --levels 4 --epochs $(LODO_EPOCHS) --steps 50 --batch 8
train-mri-lodo: build
	@test -n "$(DOMAIN)" || { echo "usage: make train-mri-lodo DOMAIN=kidney-t2 (one of: $(MRI_MIX))"; exit 2; }
	$(TRAIN) --data $(shell echo "$(MRI_MIX)" | tr ',' '\n' | grep -v '/$(DOMAIN)$$' | paste -sd, -) \
	  --groups '$(MRI_GROUPS)' --out runs/mri-general-without-$(DOMAIN) --focus zoom --pseudo 0.5 \
	  $(REDUCED_BUDGET) $(ARGS) \
	  --description "mri-general's recipe without $(DOMAIN)"
	scripts/evaluation org.pointlearn.evaluation.cli.EvaluateCommand --policy frozen \
	  --data $(shell echo "$(MRI_MIX)" | tr ',' '\n' | grep '/$(DOMAIN)$$') \
	  --model runs/mri-general-without-$(DOMAIN) --out runs/lodo-$(DOMAIN)
## Same-budget ablation of mri-general's recipe (LODO budget, all five domains): as it is, without
## pseudo-objects, without focus crops (whole slices) -> results/models/mri-general-{budget,nopseudo,nofocus};
## make results then measures them frozen. About 20 minutes each on 2 cores; stopped, each goes on from its checkpoint.
train-mri-ablations: build
	for v in "budget:--focus zoom --pseudo 0.5" "nopseudo:--focus zoom --pseudo 0" "nofocus:--focus full --pseudo 0.5"; do \
	  name=$${v%%:*}; \
	  $(TRAIN) --data $(MRI_MIX) --groups '$(MRI_GROUPS)' --out results/models/mri-general-$$name $${v#*:} --resume \
	    $(REDUCED_BUDGET) $(ARGS) \
	    --description "mri-general's recipe at a reduced budget ($$name)" || exit 1; \
	done
## The brain ablation (no click-responsive training) for make results; stopped, it goes on from its checkpoint.
train-ablation: build
	$(TRAIN) --data $(SHARED)/brain-mets-t2w --out results/models/brain-mri-ablation --ablation --epochs 40 --until 33 --steps 25 --minutes 120 \
	  --focus zoom --size 128 --resume $(ARGS) \
	  --description "Ablation: brain model without click-responsive training (brain-mri's recipe otherwise)"

clean:
	$(MVN) -q clean
