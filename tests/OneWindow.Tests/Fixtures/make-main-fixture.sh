#!/usr/bin/env bash
# Drives a journey against a running build: a case granted (licence issued), one accepted and waiting, one in 补正.
set -euo pipefail
B=$1
tok() { curl -sf -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"OneWindow#2026\"}" $B/api/v1/auth/login | python3 -c 'import sys,json;print(json.load(sys.stdin)["token"])'; }
C=$(tok citizen); K=$(tok clerk); A=$(tok approver.scj)
printf '%%PDF-1.4\n%% fixture\n' > /tmp/oldfix/m.pdf
F=$(curl -sf -H "Authorization: Bearer $C" -F "file=@/tmp/oldfix/m.pdf;type=application/pdf" $B/api/v1/files | python3 -c 'import sys,json;print(json.load(sys.stdin)["fileId"])')
submit() {
  curl -sf -H "Authorization: Bearer $C" -H 'Content-Type: application/json' -d "{\"itemCode\":\"XK-SCJ-004\",\"applicant\":{\"kind\":\"person\",\"idNumber\":\"371602199003151236\",\"name\":\"李明\",\"mobile\":\"13805431234\"},\"form\":{\"applicantName\":\"李明\",\"residentId\":\"371602199003151236\",\"mobile\":\"13805431234\",\"address\":\"滨州市滨城区黄河五路 597 号\"},\"materials\":[{\"materialCode\":\"application\",\"fileId\":\"$F\"},{\"materialCode\":\"premises\",\"fileId\":\"$F\"}]}" $B/api/v1/cases | python3 -c 'import sys,json;print(json.load(sys.stdin)["id"])'
}
act() { curl -sf -o /dev/null -H "Authorization: Bearer $1" -H 'Content-Type: application/json' -d "${4:-{\}}" $B/api/v1/cases/$2/$3; }
G=$(submit); act $K $G accept; act $A $G approve '{"opinion":"准予登记"}'
W=$(submit); act $K $W accept
S=$(submit); act $K $S request-supplement '{"items":[{"materialCode":"premises","reason":"租赁合同未盖章"}]}'
sleep 3
echo "granted=$G accepted=$W supplementing=$S"
curl -sf -H "Authorization: Bearer $C" $B/api/v1/licenses | python3 -c 'import sys,json;print(len(json.load(sys.stdin)),"licences")'
