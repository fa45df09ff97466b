# The decryption example of seed 003 (/work/shared/seeds/003_*.txt, "Decryption Example (Python)"),
# copied unchanged between the markers. The lines after it read {"response": <server message>,
# "secret_key": ...} from stdin, call it as the seed's usage lines do, and print the decrypted JSON.
# Used by io.facegate.authentication.SeedDecryptionExamplesTest; needs the `cryptography` package
# (Debian: python3-cryptography, installed by .ci/install-test-prerequisites).

# ---- seed 003, verbatim ----
import json
import base64
import hashlib
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.backends import default_backend
from cryptography.hazmat.primitives import padding

def decrypt_response(encrypted_payload: str, secret_key: str) -> dict:
    """
    Decrypt the encrypted response from the server.
    
    Args:
        encrypted_payload: Base64-encoded encrypted data
        secret_key: Your client secret key
    
    Returns:
        Decrypted payload as dictionary
    """
    # Decode base64
    encrypted_data = base64.b64decode(encrypted_payload)
    
    # Extract IV (first 16 bytes)
    iv = encrypted_data[:16]
    ciphertext = encrypted_data[16:]
    
    # Derive key from secret key
    key = hashlib.sha256(secret_key.encode()).digest()
    
    # Decrypt
    cipher = Cipher(algorithms.AES(key), modes.CBC(iv), backend=default_backend())
    decryptor = cipher.decryptor()
    padded_data = decryptor.update(ciphertext) + decryptor.finalize()
    
    # Unpad
    unpadder = padding.PKCS7(128).unpadder()
    data = unpadder.update(padded_data) + unpadder.finalize()
    
    # Parse JSON
    return json.loads(data.decode('utf-8'))
# ---- end of seed 003 ----

import sys

stdin = json.loads(sys.stdin.buffer.read().decode('utf-8'))
response = stdin['response']
encrypted_payload = response['encrypted_data']['encrypted_payload']
secret_key = stdin['secret_key']

decrypted = decrypt_response(encrypted_payload, secret_key)
sys.stdout.write(json.dumps(decrypted))
