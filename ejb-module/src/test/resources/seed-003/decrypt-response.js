// The decryption example of seed 003 (/work/shared/seeds/003_*.txt, "Decryption Example
// (JavaScript/Node.js)"), copied unchanged between the markers. The lines after it read
// {"response": <server message>, "secret_key": ...} from stdin, call it as the seed's usage lines do,
// and print the decrypted JSON.
// Used by io.facegate.authentication.SeedDecryptionExamplesTest.

// ---- seed 003, verbatim ----
const crypto = require('crypto');

function decryptResponse(encryptedPayload, secretKey) {
  // Decode base64
  const encryptedData = Buffer.from(encryptedPayload, 'base64');
  
  // Extract IV (first 16 bytes)
  const iv = encryptedData.slice(0, 16);
  const ciphertext = encryptedData.slice(16);
  
  // Derive key from secret key
  const key = crypto.createHash('sha256').update(secretKey).digest();
  
  // Decrypt
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv);
  let decrypted = decipher.update(ciphertext);
  decrypted = Buffer.concat([decrypted, decipher.final()]);
  
  // Parse JSON
  return JSON.parse(decrypted.toString('utf-8'));
}
// ---- end of seed 003 ----

const input = JSON.parse(require('fs').readFileSync(0, 'utf-8'));
const response = input.response;
const encryptedPayload = response.encrypted_data.encrypted_payload;
const secretKey = input.secret_key;

const decrypted = decryptResponse(encryptedPayload, secretKey);
process.stdout.write(JSON.stringify(decrypted));
