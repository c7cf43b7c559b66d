// Initiates replica set rs0 on first start; on later starts finds it initiated. Either way it
// waits until a primary is elected, so the platform nodes start against a writable database.
const members = [
  { _id: 0, host: "mongo1:27017" },
  { _id: 1, host: "mongo2:27017" },
  { _id: 2, host: "mongo3:27017" },
];

try {
  rs.status();
  print("rs0 is already initiated");
} catch (e) {
  if (e.codeName !== "NotYetInitialized") {
    throw e;
  }
  rs.initiate({ _id: "rs0", members });
  print("rs0 initiated");
}

const deadline = Date.now() + 120 * 1000;
function hasPrimary() {
  try {
    return rs.status().members.some((m) => m.stateStr === "PRIMARY");
  } catch (e) {
    return false; // the configuration is still spreading to the members
  }
}
while (!hasPrimary()) {
  if (Date.now() > deadline) {
    throw new Error("rs0 has no primary after 120 s");
  }
  sleep(1000);
}
print("rs0 has a primary");
